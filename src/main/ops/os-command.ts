/**
 * Runs the site's restart command (e.g. `systemctl reboot`, a reader power-cycle tool) without a
 * shell, so settings text can never become shell syntax, and with a deadline. Its output is
 * discarded: a vendor tool may print anything, and only the exit status matters here.
 */
import { execFile } from 'node:child_process';
import { KioskError } from '../../shared/errors.js';
import { OPS_ERRORS } from './error-codes.js';

export function runOsCommand(command: string, args: readonly string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(command, [...args], { timeout: timeoutMs, killSignal: 'SIGKILL', windowsHide: true }, (error) => {
      if (!error) return resolve();
      const detail = error.killed ? `timed out after ${timeoutMs} ms` : `exit ${String(error.code ?? error.signal ?? '?')}`;
      reject(new KioskError(OPS_ERRORS.OS_COMMAND_FAILED.code, `${OPS_ERRORS.OS_COMMAND_FAILED.message} (${command}: ${detail})`, { cause: error }));
    });
  });
}
