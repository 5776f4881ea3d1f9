/**
 * Noto Sans JP from npm (@fontsource/noto-sans-jp) for printed forms. Fontsource ships the font
 * split into ~120 files by unicode-range (as browsers load it); we read those ranges from its CSS
 * once and pick, per character, the file that holds its glyph. Only the files a document uses are
 * embedded (and subset) by the PDF writer. We use the WOFF (1) twins of the WOFF2 files: fontkit
 * subsets WOFF2 fonts without their glyph outlines (the PDF then shows blank or garbled text).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

interface RangeFile {
  readonly from: number;
  readonly to: number;
  readonly file: string;
}

const FACE = /src:\s*url\(\.\/files\/([^)]+\.woff2)\)[^;]*;\s*unicode-range:\s*([^;]+);/g;

export class JapaneseFontFiles {
  private readonly ranges: RangeFile[] = [];
  private readonly dir: string;

  /** `weight`: one of the CSS files fontsource ships (400 regular, 700 bold). */
  constructor(weight: 400 | 700 = 400) {
    const css = createRequire(import.meta.url).resolve(`@fontsource/noto-sans-jp/${weight}.css`);
    this.dir = join(dirname(css), 'files');
    for (const [, file, list] of readFileSync(css, 'utf8').matchAll(FACE)) {
      for (const part of list!.split(',')) {
        const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
        this.ranges.push({ from: parseInt(from!, 16), to: parseInt(to ?? from!, 16), file: file!.replace(/\.woff2$/, '.woff') });
      }
    }
  }

  /** Absolute path of the WOFF file holding this code point, or undefined if none does. */
  fileFor(codePoint: number): string | undefined {
    const hit = this.ranges.find((r) => codePoint >= r.from && codePoint <= r.to);
    return hit === undefined ? undefined : join(this.dir, hit.file);
  }

  /** Splits text into runs that each come from one font file. */
  runs(text: string): { file: string | undefined; text: string }[] {
    const runs: { file: string | undefined; text: string }[] = [];
    for (const ch of text) {
      const file = this.fileFor(ch.codePointAt(0)!);
      const last = runs.at(-1);
      if (last !== undefined && last.file === file) last.text += ch;
      else runs.push({ file, text: ch });
    }
    return runs;
  }
}
