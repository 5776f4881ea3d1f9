/**
 * Is pcscd alive? Asked of its Unix socket, not through libpcsclite: a connect either succeeds or
 * fails at once, needs no PC/SC context, and cannot block the event loop the way a synchronous
 * SCardEstablishContext against a wedged daemon can.
 */
import { createConnection } from 'node:net';

/** libpcsclite honours PCSCLITE_CSOCK_NAME, so the probe does too (tests run a private pcscd). */
export function pcscdSocketPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.PCSCLITE_CSOCK_NAME ?? '/run/pcscd/pcscd.comm';
}

export function pcscdAlive(socketPath: string, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection(socketPath);
    const done = (alive: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(alive);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
