/**
 * Registers Noto Sans JP from the @fontsource npm package (split into unicode-range subsets, each
 * registered as its own family and used as one fallback list), so the rendering is identical on
 * every machine; the Debian fonts-noto-cjk family is last in the list as a fallback.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';

const SUBSET_FILE = /^noto-sans-jp-(\d+)-400-normal\.woff2$/;
let fontList: string | undefined;

/** A CSS font-family list covering Japanese text; registers the fonts on first use. */
export function japaneseFontFamilies(): string {
  if (fontList !== undefined) return fontList;
  const require = createRequire(import.meta.url);
  const filesDir = join(dirname(require.resolve('@fontsource/noto-sans-jp/package.json')), 'files');
  const families: string[] = [];
  for (const file of readdirSync(filesDir).sort()) {
    const match = SUBSET_FILE.exec(file);
    if (!match) continue;
    const family = `KioskNotoJP${match[1]}`;
    if (GlobalFonts.registerFromPath(join(filesDir, file), family)) families.push(`"${family}"`);
  }
  families.push('"Noto Sans CJK JP"', 'sans-serif');
  fontList = families.join(', ');
  return fontList;
}
