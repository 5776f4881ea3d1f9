/**
 * `npm run build:fake-camera`: the videos Chromium plays as its camera in the face e2e tests and
 * bench:flow (`--use-fake-device-for-media-stream --use-file-for-fake-video-capture=<file>.y4m`).
 *
 * Every face comes from the demo photos @vladmandic/face-api ships, the same photos the virtual
 * card's chip photos are cropped from (sim/card/personas, scripts/card/build-fixtures.ts). For each
 * persona a face scenario uses there are two clips:
 *  - `same-person`: the card holder seen another way. No second photo of any of these people
 *    ships, so "another view" is honestly the SAME source photo framed differently: colour instead
 *    of the chip's grey, a wider view (the head, not just the face),
 *    the centre moved, brighter and with more contrast, sensor noise, and a slow sway so no two
 *    frames are identical. It tests the camera path, framing and quality gate, not the matcher's
 *    robustness to a new photo (bench/face and eval:face measure that on real pairs).
 *  - `different-person`: someone else from the same photo (same light and camera), framed the
 *    same way, so only the person differs.
 * Output goes to .cache/fake-camera/ (ignored; about 14 MB a clip). Existing clips are kept.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadPersona, type Persona } from '../sim/card/persona.js';

const FACE_DEMO_DIR = fileURLToPath(new URL('../node_modules/@vladmandic/face-api/demo/', import.meta.url));
export const FAKE_CAMERA_DIR = fileURLToPath(new URL('../.cache/fake-camera/', import.meta.url));

export type ClipShows = 'same-person' | 'different-person';

/** The face scenarios' card holders, and whom the mismatch clip shows instead (a neighbour in the same photo). */
const FACE_PERSONAS: Readonly<Record<string, string>> = {
  'normal-adult': 'cert-renewal',
  'pinless-face': 'pin-one-try',
};

/** Frame and timing: 640×480 is what the face screen asks for; 2 s at 15 fps loops seamlessly. */
const WIDTH = 640;
const HEIGHT = 480;
const FPS = 15;
const SECONDS = 2;
/** The view is this many face-box widths wide: the face ends up at about a third of the frame. */
const VIEW_PER_BOX = 1.35;
/** Sway amplitude in source pixels, one full cycle per clip. */
const SWAY_PX = 6;

interface Framing {
  /** Shift of the view's centre from the face box's centre, as a share of the box. */
  readonly shift: readonly [number, number];
  /** ffmpeg `eq` settings. */
  readonly eq: string;
}

const ANOTHER_VIEW: Framing = { shift: [0.06, -0.05], eq: 'brightness=0.06:contrast=1.08' };
const PLAIN_VIEW: Framing = { shift: [0, 0], eq: 'brightness=0:contrast=1' };

export function fakeCameraFile(persona: string, shows: ClipShows): string {
  if (!(persona in FACE_PERSONAS)) throw new Error(`no fake-camera clips for persona "${persona}"; known: ${Object.keys(FACE_PERSONAS).join(', ')}`);
  return `${FAKE_CAMERA_DIR}${persona}-${shows}.y4m`;
}

function imageSize(file: string): [number, number] {
  const out = execFileSync('identify', ['-format', '%w %h', file], { encoding: 'utf8' });
  const [w, h] = out.trim().split(' ').map(Number);
  if (!w || !h) throw new Error(`cannot read the size of ${file}`);
  return [w, h];
}

/** A 4:3 view around `face`'s photo box, kept inside the photo with room for the sway. */
function cropFilter(face: Persona, framing: Framing): string {
  const source = `${FACE_DEMO_DIR}${face.photo.source}`;
  const [imageW, imageH] = imageSize(source);
  const [x, y, w, h] = face.photo.box;
  const viewW = Math.min(Math.round(w * VIEW_PER_BOX), imageW - 2 * SWAY_PX);
  const viewH = Math.min(Math.round((viewW * HEIGHT) / WIDTH), imageH - 2 * SWAY_PX);
  const clamp = (v: number, max: number) => Math.round(Math.min(Math.max(v, SWAY_PX), max - SWAY_PX));
  const left = clamp(x + w / 2 + framing.shift[0] * w - viewW / 2, imageW - viewW);
  const top = clamp(y + h / 2 + framing.shift[1] * h - viewH / 2, imageH - viewH);
  const phase = `2*PI*t/${SECONDS}`;
  return `crop=${viewW}:${viewH}:${left}+${SWAY_PX}*sin(${phase}):${top}+${SWAY_PX / 2}*cos(${phase})`;
}

function makeClip(holder: string, shows: ClipShows): string {
  const out = fakeCameraFile(holder, shows);
  if (existsSync(out)) return out;
  const face = loadPersona(shows === 'same-person' ? holder : (FACE_PERSONAS[holder] ?? holder));
  const framing = shows === 'same-person' ? ANOTHER_VIEW : PLAIN_VIEW;
  const filters = [cropFilter(face, framing), `scale=${WIDTH}:${HEIGHT}`, `eq=${framing.eq}`, 'noise=alls=5:allf=t', 'format=yuv420p'];
  const partial = `${out}.partial`;
  // -loop 1 turns the still into a stream; the sway and temporal noise make every frame different.
  execFileSync('ffmpeg', ['-y', '-loglevel', 'error', '-loop', '1', '-framerate', String(FPS), '-t', String(SECONDS), '-i', `${FACE_DEMO_DIR}${face.photo.source}`, '-vf', filters.join(','), '-f', 'yuv4mpegpipe', partial], { stdio: ['ignore', 'ignore', 'inherit'] });
  // Renamed only when complete, so an interrupted run never leaves a short clip behind.
  renameSync(partial, out);
  return out;
}

/** Makes every clip that is missing; returns all clip paths. */
export function ensureFakeCamera(): string[] {
  mkdirSync(FAKE_CAMERA_DIR, { recursive: true });
  return Object.keys(FACE_PERSONAS).flatMap((holder) => [makeClip(holder, 'same-person'), makeClip(holder, 'different-person')]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const clips = ensureFakeCamera();
  console.log(`fake camera: ${clips.length} clips in ${FAKE_CAMERA_DIR}`);
}
