/**
 * Maps a restart action from the settings onto what the kiosk can do. Relaunching and resetting
 * the card stack belong to the composition root (Electron or the browser host), so they come in
 * as functions.
 */
import { runOsCommand } from './os-command.js';
import type { RestartRunner } from './restart-scheduler.js';

export interface RestartCapabilities {
  /** Ends this process and starts the kiosk again (app.relaunch + exit, or exit under a supervisor). */
  readonly relaunchKiosk: () => Promise<void>;
  /** Closes and re-opens the PC/SC context and reader monitor. */
  readonly resetCardStack: () => Promise<void>;
}

export function createRestartRunner(capabilities: RestartCapabilities): RestartRunner {
  return (action) => {
    switch (action.kind) {
      case 'relaunch-kiosk':
        return capabilities.relaunchKiosk();
      case 'reset-card-stack':
        return capabilities.resetCardStack();
      case 'os-command':
        return runOsCommand(action.command, action.args, action.timeoutSeconds * 1000);
    }
  };
}
