/**
 * Structured logging for main. Every line is JSON (pino) so staff tools can filter by error code.
 * Keys that could ever carry a PIN or image bytes are redacted at the logger, as a second line of
 * defence behind the rule that such values are never passed to a log call at all.
 */
import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

const REDACTED_KEYS = ['pin', 'passcode', 'password', 'photo', 'image', 'frame', 'jp2', 'pixels', 'token'];

export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.KIOSK_LOG_LEVEL ?? 'info',
      base: { app: 'open-kao-kiosk' },
      redact: { paths: REDACTED_KEYS.flatMap((k) => [k, `*.${k}`]), censor: '[redacted]' },
    },
    options.destination ?? pino.destination(2),
  );
}
