/** Japan-time formatting for the レセコン files: every date and time in them is JST. */
const JST_OFFSET_MS = 9 * 3_600_000;

/** yyyyMMddHHmmss in JST. */
export function jstTimestamp(ms: number): string {
  return new Date(ms + JST_OFFSET_MS).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** yyyyMMdd in JST. */
export function jstDate(ms: number): string {
  return jstTimestamp(ms).slice(0, 8);
}
