/**
 * Shift_JIS for the レセコン files. A character that Shift_JIS cannot carry would silently become
 * "?" in iconv-lite; we replace it with "●" instead, the convention the national system uses for
 * characters outside the shared set (reader-field-guide.md §4.4), so staff see the same mark.
 */
import iconv from 'iconv-lite';

const ENCODING = 'Shift_JIS';
export const UNKNOWN_CHARACTER = '●';

/** Replaces every character Shift_JIS cannot round-trip with "●". */
export function toShiftJisRepertoire(text: string): string {
  // Almost every text round-trips whole; only then is the per-character check needed.
  if (iconv.decode(iconv.encode(text, ENCODING), ENCODING) === text) return text;
  let out = '';
  for (const ch of text) {
    out += iconv.decode(iconv.encode(ch, ENCODING), ENCODING) === ch ? ch : UNKNOWN_CHARACTER;
  }
  return out;
}

export function encodeShiftJis(text: string): Buffer {
  return iconv.encode(toShiftJisRepertoire(text), ENCODING);
}

export function decodeShiftJis(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes), ENCODING);
}
