/**
 * Personas of the virtual card (テスト用の券面・チップの人物): data files in ./personas, validated
 * here. A persona is a person's printed card face plus what their chip holds; insurance facts
 * are the qualification service's business, so the only link it gives is the stable `id` and the
 * certificate serial derived from it (see test-pki.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const personaSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** One line, Japanese / English, for `sim:card list` and docs. */
  summary: z.string(),
  /** `garbage`: a broken chip that answers nonsense to every APDU. */
  chip: z.enum(['mynumber', 'garbage']),
  printed: z.object({
    name: z.string(),
    address: z.string(),
    birthDate: isoDate,
    /** JIS X 0303: 1 male, 2 female, 9 not applicable. */
    sex: z.enum(['1', '2', '9']),
    cardExpiry: isoDate,
    securityCode: z.string().regex(/^\d{4}$/),
    nationality: z.enum(['JP', 'foreign']),
  }),
  /** Kana reading, for the service simulator's "●" replacement case. */
  kanaName: z.string(),
  /** 12 digits with a valid check digit (synthetic 2024… numbers). */
  myNumber: z.string().regex(/^\d{12}$/),
  secrets: z.object({
    /** 利用者証明用暗証番号; null = 顔認証マイナンバーカード without PINs. */
    userAuthPin: z.string().regex(/^\d{4}$/).nullable(),
    userAuthTriesLeft: z.number().int().min(0).max(3),
    signaturePassword: z.string().regex(/^[A-Z0-9]{6,16}$/).nullable(),
    kenhojoPin: z.string().regex(/^\d{4}$/).nullable(),
  }),
  certificate: z.object({
    /** 利用者証明用電子証明書 notAfter in days after the JST day the card is minted (valid through that day), so its phase never drifts. */
    notAfterDaysFromNow: z.number().int(),
  }),
  insurance: z.object({ registered: z.boolean() }),
  /** Face crop from a photo @vladmandic/face-api ships in its demo folder: [x, y, w, h], measured once. */
  photo: z.object({ source: z.string(), box: z.tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int()]) }),
});

export type Persona = z.infer<typeof personaSchema>;

export const PERSONA_DIR = fileURLToPath(new URL('./personas/', import.meta.url));

export function loadPersona(id: string): Persona {
  if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`invalid persona id: ${id}`);
  let text: string;
  try {
    text = readFileSync(`${PERSONA_DIR}${id}.json`, 'utf8');
  } catch {
    throw new Error(`unknown persona "${id}"; known: ${listPersonaIds().join(', ')}`);
  }
  return personaSchema.parse(JSON.parse(text));
}

export function listPersonaIds(): string[] {
  return readdirSync(PERSONA_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

export function listPersonas(): Persona[] {
  return listPersonaIds().map(loadPersona);
}
