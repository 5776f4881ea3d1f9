/**
 * The reader stack (pcscd → PC/SC context → reader monitor) as the watchdog and healer see it:
 * what it reports, and the two software repairs that exist before a restart.
 */
export interface ReaderStack {
  /** Readers the current PC/SC context lists. */
  readers(): readonly string[];
  /** pcscd accepts connections. */
  daemonAlive(): Promise<boolean>;
  /** Close the PC/SC context and open a fresh one; resolves once it lists readers or settles empty. */
  reestablish(): Promise<void>;
  /** Hand the fresh context to the reader monitor, so card events reach the session again. */
  reconnect(): Promise<void>;
  /** Called at once when the stack notices pcscd or a reader went away; returns unsubscribe. */
  onDown(listener: () => void): () => void;
}
