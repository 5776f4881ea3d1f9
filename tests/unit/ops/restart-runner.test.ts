import { describe, expect, it } from 'vitest';
import { createRestartRunner } from '../../../src/main/ops/restart-runner.js';

function runner() {
  const calls: string[] = [];
  const run = createRestartRunner({
    relaunchKiosk: async () => void calls.push('relaunch'),
    resetCardStack: async () => void calls.push('reset'),
  });
  return { calls, run };
}

describe('restart actions', () => {
  it('relaunch and card-stack reset call the kiosk capabilities', async () => {
    const { calls, run } = runner();
    await run({ kind: 'relaunch-kiosk' });
    await run({ kind: 'reset-card-stack' });
    expect(calls).toEqual(['relaunch', 'reset']);
  });

  it('runs a site command and resolves on exit status 0', async () => {
    await expect(runner().run({ kind: 'os-command', command: 'true', args: [], timeoutSeconds: 5 })).resolves.toBeUndefined();
  });

  it('a failing command rejects with E-OPS-008 and its exit status', async () => {
    await expect(runner().run({ kind: 'os-command', command: 'sh', args: ['-c', 'exit 3'], timeoutSeconds: 5 })).rejects.toMatchObject({
      code: 'E-OPS-008',
      message: expect.stringContaining('exit 3'),
    });
  });

  it('a missing command rejects with E-OPS-008 instead of crashing', async () => {
    await expect(runner().run({ kind: 'os-command', command: '/nonexistent/reboot-tool', args: [], timeoutSeconds: 5 })).rejects.toMatchObject({
      code: 'E-OPS-008',
    });
  });

  it('arguments are never shell syntax', async () => {
    // With a shell, `; exit 9` would run; execFile hands it to echo as text.
    await expect(runner().run({ kind: 'os-command', command: 'echo', args: ['x; exit 9'], timeoutSeconds: 5 })).resolves.toBeUndefined();
  });

  it('a hung command is killed at its deadline', async () => {
    await expect(runner().run({ kind: 'os-command', command: 'sleep', args: ['30'], timeoutSeconds: 1 })).rejects.toMatchObject({
      code: 'E-OPS-008',
      message: expect.stringContaining('timed out'),
    });
  });
});
