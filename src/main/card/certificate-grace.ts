/**
 * Whether a 利用者証明用電子証明書 can still be used for the qualification check (PRODUCT.md §3.2):
 * through the last day of the third month after the month of notAfter, in Japan time. The card
 * module uses this only to decide "expired beyond grace" (E-CARD-005); the renewal-window and
 * grace notices are the session's policy. Interpretation notes: docs/card.md.
 */
const JST_OFFSET_MS = 9 * 3_600_000;

/** Calendar date in JST as [year, month 1-12, day]. */
function jstDate(instant: Date): [number, number, number] {
  const d = new Date(instant.getTime() + JST_OFFSET_MS);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** Last JST calendar day the certificate may be used, as YYYY-MM-DD. */
export function graceLastDay(notAfter: Date): string {
  const [y, m] = jstDate(notAfter);
  // Day 0 of month m+4 is the last day of month m+3 (Date.UTC normalises year rollover).
  const last = new Date(Date.UTC(y, m + 3, 0));
  return last.toISOString().slice(0, 10);
}

export function isWithinGrace(notAfter: Date, now: Date): boolean {
  const [y, m, d] = jstDate(now);
  const today = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return today <= graceLastDay(notAfter);
}
