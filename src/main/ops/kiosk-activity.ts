/**
 * Whether a patient is at the kiosk. The scheduler and the reader healer only act when idle
 * (standby), so a restart never interrupts a patient's session (PRODUCT.md §3.6).
 */
export interface KioskActivity {
  /** True at standby: no card session, no patient flow in progress. */
  isIdle(): boolean;
  /** Called each time the kiosk returns to standby; returns the unsubscribe function. */
  onIdle(listener: () => void): () => void;
}
