/**
 * Builds everything the virtual card needs that is not committed (run by `npm run build:card-fixtures`,
 * which scripts/setup.sh calls after npm install):
 *  - per persona: a greyscale JP2 face photo cropped from the demo photos @vladmandic/face-api ships
 *    (ImageMagick crop → PGM → opj_compress), and 1-bit PNGs of the printed name, address and
 *    security code (the card-face record stores these as images);
 *  - the test PKI keys (RSA-2048, TEST ONLY) in sim/pki/build. Certificates are minted from them at
 *    load time so their dates stay relative to "now".
 * Idempotent: existing outputs are kept, so keys and serials stay stable between runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listPersonas, type Persona } from '../../sim/card/persona.js';
import { ensureTestKeys } from '../../sim/pki/test-keys.js';
import { personaAssetDir } from '../../sim/card/persona-assets.js';

const FACE_DEMO_DIR = fileURLToPath(new URL('../../node_modules/@vladmandic/face-api/demo/', import.meta.url));
/** Card photo size in pixels; the chip photo is small and greyscale (§8.2). */
const PHOTO_SIZE = '200x250';
/** opj_compress rate: 10:1 keeps the record around 5–6 KB, i.e. ~24 chunked reads. */
const JP2_RATE = '10';

function run(cmd: string, args: string[]): void {
  execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
}

function buildPhoto(p: Persona, outFile: string, work: string): void {
  const [x, y, w, h] = p.photo.box;
  const pgm = join(work, `${p.id}.pgm`);
  run('convert', [join(FACE_DEMO_DIR, p.photo.source), '-crop', `${w}x${h}+${x}+${y}`, '+repage', '-resize', `${PHOTO_SIZE}!`, '-colorspace', 'Gray', '-depth', '8', pgm]);
  run('opj_compress', ['-i', pgm, '-o', outFile, '-r', JP2_RATE]);
}

function buildTextImage(text: string, outFile: string, pointSize: number): void {
  run('convert', ['-background', 'white', '-fill', 'black', '-font', 'Noto-Sans-CJK-JP', '-pointsize', String(pointSize), `label:${text}`, '-monochrome', '-strip', `PNG8:${outFile}`]);
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'card-fixtures-'));
  try {
    for (const p of listPersonas()) {
      const dir = personaAssetDir(p.id);
      mkdirSync(dir, { recursive: true });
      const photo = join(dir, 'photo.jp2');
      if (!existsSync(photo)) buildPhoto(p, photo, work);
      const images: [string, string, number][] = [
        ['name.png', p.printed.name, 18],
        ['address.png', p.printed.address, 14],
        ['security-code.png', p.printed.securityCode, 10],
      ];
      for (const [file, text, size] of images) if (!existsSync(join(dir, file))) buildTextImage(text, join(dir, file), size);
    }
    const created = await ensureTestKeys(listPersonas().map((p) => p.id));
    console.log(`card fixtures: ${listPersonas().length} personas, ${created} new test keys`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
