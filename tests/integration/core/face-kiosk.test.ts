/**
 * 顔認証 in the composed demo kiosk, on real parts: the persona card in the virtual card through
 * pcscd + vpcd, the virtual card-face scanner showing that persona's front, the real OCR reading
 * 照合番号B, VERIFY and the chip photo read, and the face worker with the real models matching
 * I420 camera frames delivered the way both shells deliver them (acceptFrameMessage on the wire
 * encoding). The same person gets through to a valid qualification; someone else is refused.
 * Afterwards no image bytes are anywhere in the data directory, the database or the logs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { encodeFrame } from '../../../src/shared/camera-frame.js';
import { acceptFrameMessage } from '../../../src/main/core/camera-frames.js';
import { createDetector } from '../../../src/main/face/detector.js';
import type { I420Frame } from '../../../src/main/face/frame.js';
import { loadManifest } from '../../../src/main/face/manifest.js';
import { decodeChipPhoto } from '../../../src/main/face/jp2-decode.js';
import { loadPersonaAssets } from '../../../sim/card/persona-assets.js';
import { loadPersona } from '../../../sim/card/persona.js';
import { requirePcscdOutsideCiSkip } from '../support/pcscd.js';
import { insertCard, removeCard } from '../demo/virtual-card-control.js';
import { MANIFEST_PATH, SKIP_FACE_INTEGRATION } from '../face/support/models.js';
import { cameraFrame, DEMO_DIR, loadDemo } from '../face/support/scenes.js';
import { DEMO_KIOSK_START_TIMEOUT_MS, startDemoKiosk, type DemoKiosk } from '../support/demo-kiosk-driver.js';
import { imageBytesFound, JP2_SIGNATURE, PNG_SIGNATURE } from './face-privacy.js';

const pcscd = SKIP_FACE_INTEGRATION ? false : await requirePcscdOutsideCiSkip();

/** A camera frame of the person whose face is at `personaId`'s photo box in its source picture. */
async function frameOfPersonaFace(personaId: string): Promise<I420Frame> {
  const { photo } = loadPersona(personaId);
  const image = await loadDemo(join(DEMO_DIR, photo.source));
  const detector = await createDetector(loadManifest(MANIFEST_PATH), { threads: 1 });
  try {
    const [x, y, w, h] = photo.box;
    const face = (await detector.detect(image)).find((d) => {
      const cx = (d.box.xMin + d.box.xMax) / 2;
      const cy = (d.box.yMin + d.box.yMax) / 2;
      return cx > x && cx < x + w && cy > y && cy < y + h;
    });
    if (!face) throw new Error(`no face found in ${photo.source} at ${personaId}'s box`);
    return cameraFrame(image, face);
  } finally {
    await detector.release();
  }
}

describe.skipIf(!pcscd)('face matching in the composed demo kiosk', () => {
  let demo: DemoKiosk;
  let holder: I420Frame;
  let neighbour: I420Frame;
  const screen: DemoKiosk['screen'] = (name, ms) => demo.screen(name, ms);
  const tap = (intent: unknown) => demo.tap(intent);

  beforeAll(async () => {
    demo = await startDemoKiosk('kiosk-face-');
    // normal-adult's card photo is cut from sample6.jpg; cert-renewal is another person in the same picture.
    holder = await frameOfPersonaFace('normal-adult');
    neighbour = await frameOfPersonaFace('cert-renewal');
  }, DEMO_KIOSK_START_TIMEOUT_MS);

  afterAll(async () => {
    await demo?.close();
  });

  /** The camera at ~10 fps while the face screen is up; returns the hints the patient saw. */
  async function look(frame: I420Frame): Promise<string[]> {
    const hints: string[] = [];
    for (let i = 0; i < 400 && demo.kiosk.core.current().screen === 'face'; i++) {
      const s = demo.kiosk.core.current();
      if (s.screen === 'face' && hints.at(-1) !== s.hint) hints.push(s.hint);
      const verdict = acceptFrameMessage(encodeFrame({ ...frame, fullRange: false, data: frame.data.slice() }), demo.kiosk.frames);
      expect(verdict.ok).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return hints;
  }

  it('the card holder in front of the camera: matched, consent, a valid qualification for staff', async () => {
    await insertCard('normal-adult');
    await screen('method-choice');
    tap({ type: 'choose-method', method: 'face' });
    await screen('face');
    const hints = await look(holder);
    expect(hints.at(-1)).toBe('hold-still');
    await screen('consent-choice');
    tap({ type: 'consent-all' });
    const done = await screen('done', 25_000);
    expect(done.result).toMatchObject({ outcome: 'valid', method: 'face' });
    await removeCard();
    await screen('standby');
  }, 120_000);

  it('someone else with the card: no match, and the patient is offered another try or the PIN', async () => {
    await insertCard('normal-adult');
    await screen('method-choice');
    tap({ type: 'choose-method', method: 'face' });
    await screen('face');
    await look(neighbour);
    expect(await screen('face-failed')).toMatchObject({ canRetry: true, canUsePin: true });
    expect(demo.logText()).toContain('"outcome":"no-match"');
    await removeCard();
    await screen('standby');
  }, 120_000);

  it('目視: staff see the photo from the card\'s chip while they compare, and it is gone once they answer', async () => {
    await demo.kiosk.ops.credentials.staff.set('482916', new Date());
    await insertCard('normal-adult');
    await screen('method-choice');
    tap({ type: 'staff-request-visual-check' });
    await screen('staff-passcode');
    tap({ type: 'staff-passcode', passcode: '482916' });
    expect((await screen('visual-check')).chipPhoto.status).toBe('loading');
    const shown = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the chip photo never arrived')), 20_000);
      const off = demo.kiosk.core.subscribe((s) => {
        if (s.screen !== 'visual-check' || s.chipPhoto.status === 'loading') return;
        clearTimeout(timer);
        off();
        if (s.chipPhoto.status === 'shown') resolve(s.chipPhoto.dataUrl);
        else reject(new Error(`chip photo unavailable: ${s.chipPhoto.code}`));
      });
    });
    const png = Buffer.from(shown.slice('data:image/png;base64,'.length), 'base64');
    // The PNG's IHDR has the size of the photo in this persona's chip.
    const chip = await decodeChipPhoto(loadPersonaAssets('normal-adult').photoJp2);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([chip.width, chip.height]);
    tap({ type: 'staff-visual-check-result', confirmed: true });
    expect(JSON.stringify(demo.kiosk.core.current())).not.toContain('data:image');
    // The consent given at the first visit is on file (< 24 h), so the check runs at once.
    expect((await screen('done', 25_000)).result).toMatchObject({ outcome: 'valid', method: 'visual' });
    await removeCard();
    await screen('standby');
  }, 120_000);

  it('leaves no chip photo, camera frame or card-front image in the data directory, database or logs', () => {
    const jp2 = loadPersonaAssets('normal-adult').photoJp2;
    const row = holder.yStride * (holder.height / 2) + holder.width / 2 - 32;
    const found = imageBytesFound(demo.dataDir, demo.logText(), {
      'JP2 signature': JP2_SIGNATURE,
      'PNG signature': PNG_SIGNATURE,
      'chip photo codestream': jp2.subarray(jp2.length - 96, jp2.length - 32),
      'camera frame pixels': holder.data.subarray(row, row + 64),
    });
    expect(found).toEqual([]);
    expect(demo.logText()).toContain('chip photo unlocked from the card front');
  });
});
