/**
 * 目視 with the card's own photo: the one image the renderer may show (README "Privacy"), loaded
 * when the 目視 screen opens, shown only while it is up, and dropped with it. If the photo cannot
 * be read, staff see why and still answer.
 */
import { describe, expect, it } from 'vitest';
import { Kiosk } from './kiosk-harness.js';

const PHOTO = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAAAAABX3VL4AAAADklEQVR4nGOIWsWwKgoABh4CCXLYNrMAAAAASUVORK5CYII=';

function atVisualCheck(): Kiosk {
  const kiosk = new Kiosk().insert();
  kiosk.intent({ type: 'staff-request-visual-check' });
  kiosk.intent({ type: 'staff-passcode', passcode: '4321' });
  kiosk.send({ type: 'staff-passcode-result', requestId: kiosk.last('verify-staff-passcode').requestId, ok: true });
  return kiosk;
}

describe('目視 shows the chip photo while staff compare, and only then', () => {
  it('opening 目視 asks for the photo; staff see it once it is read', () => {
    const kiosk = atVisualCheck();
    expect(kiosk.on('visual-check').chipPhoto).toEqual({ status: 'loading' });
    const { requestId } = kiosk.last('load-chip-photo');
    kiosk.send({ type: 'chip-photo', requestId, photo: { ok: true, dataUrl: PHOTO } });
    expect(kiosk.on('visual-check').chipPhoto).toEqual({ status: 'shown', dataUrl: PHOTO });
  });

  it('the photo is gone from the state and every later snapshot once staff answer', () => {
    const kiosk = atVisualCheck();
    kiosk.send({ type: 'chip-photo', requestId: kiosk.last('load-chip-photo').requestId, photo: { ok: true, dataUrl: PHOTO } });
    kiosk.intent({ type: 'staff-visual-check-result', confirmed: true });
    expect(JSON.stringify(kiosk.state)).not.toContain('data:image');
    expect(JSON.stringify(kiosk.snapshot)).not.toContain('data:image');
  });

  it('a photo that arrives after staff answered is not shown anywhere', () => {
    const kiosk = atVisualCheck();
    const { requestId } = kiosk.last('load-chip-photo');
    kiosk.intent({ type: 'staff-visual-check-result', confirmed: false });
    expect(kiosk.send({ type: 'chip-photo', requestId, photo: { ok: true, dataUrl: PHOTO } }).handled).toBe(false);
    expect(JSON.stringify(kiosk.state)).not.toContain('data:image');
  });

  it('an unreadable photo tells staff the code, and they can still answer', () => {
    const kiosk = atVisualCheck();
    kiosk.send({ type: 'chip-photo', requestId: kiosk.last('load-chip-photo').requestId, photo: { ok: false, code: 'E-CFS-005' } });
    expect(kiosk.on('visual-check').chipPhoto).toEqual({ status: 'unavailable', code: 'E-CFS-005' });
    kiosk.intent({ type: 'staff-visual-check-result', confirmed: true });
    expect(kiosk.audits()).toContainEqual({ kind: 'visual-check', confirmed: true });
  });

  it('staff need not wait for the photo to answer', () => {
    const kiosk = atVisualCheck();
    expect(kiosk.intent({ type: 'staff-visual-check-result', confirmed: true }).handled).toBe(true);
  });
});
