/**
 * How this kiosk is started: where its data lives, how the browser host shows itself, and whether
 * the embedded demo parts (virtual card, qualification-service simulator) run. Read once from the
 * environment and command line; facility settings that staff change live in the database instead.
 */
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { z } from 'zod';

export const configSchema = z.object({
  /** Database, レセコン exports (unless set elsewhere), Chromium profile. */
  dataDir: z.string().min(1),
  /** Browser host port; 0 picks a free one. */
  port: z.number().int().min(0).max(65535),
  /** kiosk: full-screen Chromium; app: a window; none: only print the URL. */
  open: z.enum(['kiosk', 'app', 'none']),
  /** Embedded demo: virtual card on the vpcd reader and the simulator as the qualification service. */
  demo: z.boolean(),
  /** The document camera that photographs the card front for face mode (not used by the demo). */
  cardFaceDevice: z.string().min(1).optional(),
  /**
   * JPKI 利用者証明用CA certificate files (PEM or DER) that cards must chain to without the demo
   * (`--jpki-ca FILE`, repeatable, or KIOSK_JPKI_CA with ":"-separated paths). None: cards fail E-CARD-007.
   */
  jpkiCaFiles: z.array(z.string().min(1)).optional(),
});
export type KioskConfig = z.infer<typeof configSchema>;

export function loadConfig(env: NodeJS.ProcessEnv, argv: readonly string[]): KioskConfig {
  const flag = (name: string) => argv.includes(`--${name}`);
  const option = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  /** Every value of a repeatable option, in order. */
  const options = (name: string) =>
    argv.flatMap((arg, at) => {
      const value = argv[at + 1];
      return arg === `--${name}` && value !== undefined ? [value] : [];
    });
  const caFiles = options('jpki-ca');
  const envCaFiles = (env.KIOSK_JPKI_CA ?? '').split(delimiter).filter((path) => path !== '');
  return configSchema.parse({
    dataDir: option('data-dir') ?? env.KIOSK_DATA_DIR ?? join(homedir(), '.local', 'share', 'open-kao-kiosk'),
    port: Number(option('port') ?? env.KIOSK_PORT ?? 0),
    open: flag('no-open') ? 'none' : (option('open') ?? env.KIOSK_OPEN ?? 'kiosk'),
    demo: !(flag('no-demo') || env.KIOSK_DEMO === '0'),
    cardFaceDevice: option('card-face-device') ?? env.KIOSK_CARD_FACE_DEVICE,
    jpkiCaFiles: (caFiles.length > 0 ? caFiles : envCaFiles).map((path) => resolve(path)),
  });
}
