/**
 * `npm run bench:flow`: scripted patients, one after another, through the browser host as
 * `npm start` runs it (built out/, demo mode: real pcscd + vpcd with the virtual card, the
 * service simulator, SQLite) and a real Chromium standing in for the screen, its camera a
 * fake-camera clip of the card holder (scripts/make-fake-camera.ts).
 *
 * Each patient places the card, takes 顔認証 (the PIN when the kiosk offers no face, or when the
 * face is not matched), answers consent when asked (the first visit; later ones have it on file
 * for 24 h) and lifts the card at the done screen. Nobody "thinks": every tap comes as soon as
 * its screen shows.
 * Machine time is what a patient waits on the kiosk: from placing the card to the method choice,
 * from each tap to the next screen that asks something (or done). Lifting the card is not
 * counted (the patient is leaving), though the next patient waits for standby.
 * RSS is the kiosk process's (the face worker is a thread in it; the demo's simulators run in a
 * separate process and are not counted), after the first patient (warm) and after the last.
 *
 * Needs `npm run build` first. Last line:
 *   flow-bench: sessions=<n> machine_p50_ms=<n> machine_p95_ms=<n> rss_growth_mb=<n>
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from '@playwright/test';
import config from '../playwright.config.js';
import { loadPersona } from '../sim/card/persona.js';
import { ensureFakeCamera, fakeCameraFile } from '../scripts/make-fake-camera.js';
import { lockVpcdSlot } from '../tests/integration/support/pcscd.js';
import { launchKiosk, stopKiosk } from '../tests/e2e/support/kiosk.js';
import { readerReady, VirtualCard } from '../tests/e2e/support/virtual-card.js';
import { ja } from '../tests/e2e/support/flow.js';

const SESSIONS = Number(process.env.FLOW_BENCH_SESSIONS ?? 100);
const PERSONA = 'normal-adult';
/** Longest any one screen may take before the run is declared stuck. */
const SCREEN_TIMEOUT_MS = 30_000;

type Path = 'face' | 'pin' | 'face-then-pin';

interface Visit {
  readonly machineMs: number;
  /** Machine time per step, e.g. "read", "face", "qualification". */
  readonly steps: Readonly<Record<string, number>>;
  readonly path: Path;
  readonly consentAsked: boolean;
}

function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

/** Waits for the first of `screens` to show; returns which. */
async function nextScreen(page: Page, screens: readonly string[]): Promise<string> {
  const selector = screens.map((s) => `main[data-screen="${s}"]`).join(', ');
  const found = await page.waitForSelector(selector, { timeout: SCREEN_TIMEOUT_MS });
  return (await found.getAttribute('data-screen')) ?? '';
}

const button = (page: Page, name: string) => page.getByRole('button', { name });

async function visit(page: Page, card: VirtualCard, pin: string): Promise<Visit> {
  const steps: Record<string, number> = {};
  /** Runs the patient's action, then counts the wait until one of `screens` shows as `step`. */
  const waitAfter = async (step: string, action: () => Promise<unknown>, screens: readonly string[]) => {
    const start = performance.now();
    await action();
    const screen = await nextScreen(page, screens);
    steps[step] = (steps[step] ?? 0) + performance.now() - start;
    return screen;
  };
  const typePin = async () => {
    for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
    return waitAfter('pin', () => button(page, ja('pad.submit')).click(), ['consent-choice', 'done']);
  };

  await waitAfter('read', () => card.insert(PERSONA), ['method-choice']);
  let path: Path;
  let screen: string;
  if ((await button(page, ja('method.face')).count()) > 0) {
    screen = await waitAfter('face', () => button(page, ja('method.face')).click(), ['consent-choice', 'done', 'face-failed']);
    path = 'face';
    if (screen === 'face-failed') {
      await waitAfter('pin', () => button(page, ja('faceFailed.usePin')).click(), ['pin-entry']);
      screen = await typePin();
      path = 'face-then-pin';
    }
  } else {
    await waitAfter('pin', () => button(page, ja('method.pin')).click(), ['pin-entry']);
    screen = await typePin();
    path = 'pin';
  }
  const consentAsked = screen === 'consent-choice';
  if (consentAsked) await waitAfter('qualification', () => button(page, ja('consent.all')).click(), ['done']);
  await card.remove();
  await nextScreen(page, ['standby']);
  // Without a consent question, the qualification wait is inside the identity step's wait.
  const machineMs = Object.values(steps).reduce((a, b) => a + b, 0);
  return { machineMs, steps, path, consentAsked };
}

async function main(): Promise<void> {
  const pin = loadPersona(PERSONA).secrets.userAuthPin;
  if (pin === null) throw new Error(`${PERSONA} has no PIN`);
  ensureFakeCamera();
  const unlock = await lockVpcdSlot(0);
  const kiosk = await launchKiosk();
  const browser = await chromium.launch({
    ...config.use?.launchOptions,
    args: [
      ...(config.use?.launchOptions?.args ?? []),
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${fakeCameraFile(PERSONA, 'same-person')}`,
    ],
  });
  const visits: Visit[] = [];
  let rssWarm = NaN;
  let rssEnd: number;
  try {
    await readerReady(kiosk);
    const card = VirtualCard.of(kiosk);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['camera'] });
    const page = await context.newPage();
    await page.goto(kiosk.url);
    await nextScreen(page, ['standby']);
    const pid = kiosk.process.pid ?? NaN;
    const rssStart = rssMb(pid);
    // Sampled every tenth patient, so a leak (steady climb) can be told from a warm-up plateau.
    const samples: string[] = [];
    for (let i = 0; i < SESSIONS; i++) {
      visits.push(await visit(page, card, pin));
      if (i === 0) rssWarm = rssMb(pid);
      if ((i + 1) % 10 === 0) samples.push(rssMb(pid).toFixed(0));
    }
    rssEnd = rssMb(pid);
    console.log(`kiosk RSS: ${rssStart.toFixed(1)} MB at standby, ${rssWarm.toFixed(1)} MB after the first patient, ${rssEnd.toFixed(1)} MB after the last`);
    console.log(`kiosk RSS every 10 patients (MB): ${samples.join(' ')}`);
  } finally {
    await browser.close();
    await stopKiosk(kiosk);
    unlock();
  }

  const times = visits.map((v) => v.machineMs);
  const paths = new Map<Path, number>();
  for (const v of visits) paths.set(v.path, (paths.get(v.path) ?? 0) + 1);
  const asked = visits.filter((v) => v.consentAsked).length;
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`identity paths: ${[...paths].map(([p, n]) => `${p} ${n}`).join(', ')}; consent asked in ${asked} of ${visits.length} visits`);
  const stepNames = [...new Set(visits.flatMap((v) => Object.keys(v.steps)))];
  const stepMedians = stepNames.map((name) => {
    const xs = visits.flatMap((v) => (v.steps[name] === undefined ? [] : [v.steps[name]]));
    return `${name} ${percentile(xs, 50).toFixed(0)} ms`;
  });
  console.log(`median machine time per step: ${stepMedians.join(', ')}`);
  console.log(`machine time per visit: p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms (load average ${load})`);
  console.log(
    `flow-bench: sessions=${visits.length} machine_p50_ms=${percentile(times, 50).toFixed(0)} machine_p95_ms=${percentile(times, 95).toFixed(0)} rss_growth_mb=${(rssEnd - rssWarm).toFixed(1)}`,
  );
}

await main();
