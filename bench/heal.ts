/**
 * Heal time of the reader stack after pcscd returns (real pcscd + vpcd, private instance):
 * kill pcscd, let the healer notice, start pcscd again, and time from the start of the new
 * daemon to "healthy" (fresh PC/SC context listing the readers, monitor reattached).
 * Peer in the same run: how long pcscd itself takes until its socket accepts (the floor).
 * Run: npm run bench:heal [-- runs]
 */
import { startHealHarness } from '../tests/integration/ops/heal-harness.js';

const runs = Number(process.argv[2] ?? 10);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const h = await startHealHarness();
try {
  await h.waitFor(() => h.stack.readers().length > 0, 5_000).catch(() => undefined);
  const heal: number[] = [];
  const daemon: number[] = [];
  for (let i = 0; i < runs; i++) {
    await h.pcscd.kill();
    await h.waitFor((s) => s.state === 'healing', 5_000);
    // Let the backoff reach its cap, as after a real outage of more than a moment.
    await new Promise((r) => setTimeout(r, 2_500));
    const t0 = performance.now();
    daemon.push(await h.pcscd.start());
    await h.waitFor((s) => s.state === 'healthy', 10_000);
    heal.push(performance.now() - t0);
  }
  const m = median(heal);
  const d = median(daemon);
  console.log(
    `heal after pcscd returns: median ${m.toFixed(0)} ms over ${runs} runs (min ${Math.min(...heal).toFixed(0)}, max ${Math.max(...heal).toFixed(0)}); ` +
      `pcscd start-up alone ${d.toFixed(0)} ms; ratio ${(m / d).toFixed(2)}; escalations ${h.escalations}`,
  );
} finally {
  await h.dispose();
}
