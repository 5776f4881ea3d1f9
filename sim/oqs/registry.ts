/**
 * The simulated registry of insured people (被保険者) and how a lookup turns into a
 * QualificationValidity. Seeded from a JSON data file; linked to card certificates by 利用登録.
 *
 * Outcome rules (ours; the real service's internals are not public):
 *  - several people linked to the certificate → 5 (複数該当)
 *  - a qualification in force today → 1, or 6 when the insurer-side link is still pending
 *  - none in force, the latest lost and a newer one starting later → 3 (with the lost one)
 *  - none in force, some lost → 2 資格(無効), with the latest lost one (旧資格) and its ReasonOfLoss
 *  - nothing at all → 4 資格情報なし
 */
import { z } from 'zod';
import { qualificationSchema, type Qualification, type QualificationResponse } from '../../src/main/qualification/protocol.js';

/** One insurance period of a person, as the registry stores it. */
const periodSchema = qualificationSchema.omit({
  name: true,
  nameKana: true,
  sex: true,
  birthdate: true,
  address: true,
  postNumber: true,
  personalFamilyClassification: true,
}).extend({ personalFamilyClassification: z.enum(['1', '2']).default('1') });

export const personSchema = z.object({
  id: z.string().min(1),
  /** What the seed entry demonstrates, for people reading the data file. */
  note: z.string().optional(),
  name: z.string(),
  nameKana: z.string(),
  sex: z.enum(['1', '2']),
  birthdate: z.string().regex(/^\d{8}$/),
  address: z.string(),
  postNumber: z.string().nullable(),
  /** The insurer has not yet linked this person's My Number (→ validity 6). */
  insurerLinkPending: z.boolean().default(false),
  periods: z.array(periodSchema),
});
export type Person = z.infer<typeof personSchema>;

export const registrySeedSchema = z.object({ people: z.array(personSchema) });
export type RegistrySeed = z.infer<typeof registrySeedSchema>;

export type LookupResult = Pick<QualificationResponse, 'validity' | 'qualification' | 'matchCount'>;

export class Registry {
  private readonly people = new Map<string, Person>();

  constructor(seed: RegistrySeed) {
    for (const person of registrySeedSchema.parse(seed).people) this.people.set(person.id, person);
  }

  has(personId: string): boolean {
    return this.people.has(personId);
  }

  /** Looks up the people linked to one certificate, on the JST calendar day `todayYmd`. */
  lookup(personIds: readonly string[], todayYmd: string): LookupResult {
    const people = personIds.map((id) => this.people.get(id)).filter((p): p is Person => p !== undefined);
    if (people.length > 1) return { validity: 5, qualification: null, matchCount: people.length };
    const person = people[0];
    if (person === undefined) return { validity: 4, qualification: null, matchCount: 0 };

    const periods = [...person.periods].sort((a, b) => a.qualificationDate.localeCompare(b.qualificationDate));
    const inForce = periods.filter(
      (p) => p.qualificationDate <= todayYmd && (p.disqualificationDate === null || p.disqualificationDate > todayYmd),
    );
    const current = inForce.at(-1);
    if (current !== undefined) {
      return { validity: person.insurerLinkPending ? 6 : 1, qualification: toQualification(person, current), matchCount: 1 };
    }
    const lost = periods.filter((p) => p.disqualificationDate !== null && p.disqualificationDate <= todayYmd).at(-1);
    const newer = periods.some((p) => p.qualificationDate > todayYmd);
    if (lost !== undefined) return { validity: newer ? 3 : 2, qualification: toQualification(person, lost), matchCount: 1 };
    return { validity: 4, qualification: null, matchCount: 1 };
  }
}

function toQualification(person: Person, period: z.infer<typeof periodSchema>): Qualification {
  return qualificationSchema.parse({
    ...period,
    name: person.name,
    nameKana: person.nameKana,
    sex: person.sex,
    birthdate: person.birthdate,
    address: person.address,
    postNumber: person.postNumber,
  });
}
