/**
 * The last line of defence for PRODUCT.md §3.8: face images, chip photos, PINs and the My Number
 * never reach the database. Every structured value the store persists passes through here; a key
 * that names such data is refused, whatever its value.
 */
import { KioskError } from '../../shared/errors.js';
import { STORE_ERRORS } from './error-codes.js';

const FORBIDDEN_KEY = /pin|image|photo|frame|picture|jpe?g|jp2|png|mynumber|individualnumber|kojinbango/i;

/** Throws if any key at any depth of `value` names forbidden data; returns the value otherwise. */
export function assertNoForbiddenFields<T>(value: T, path = ''): T {
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) {
    throw forbidden(path || '(binary)');
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertNoForbiddenFields(item, `${path}[${i}]`));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (FORBIDDEN_KEY.test(key)) throw forbidden(`${path}.${key}`);
      assertNoForbiddenFields(inner, `${path}.${key}`);
    }
  }
  return value;
}

function forbidden(path: string): KioskError {
  return new KioskError(
    STORE_ERRORS.FORBIDDEN_FIELD,
    `画像・暗証番号・個人番号は保存できません (${path}) / Images, PINs and My Numbers are never stored (${path}).`,
  );
}
