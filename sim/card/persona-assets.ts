/**
 * Generated per-persona images (made by scripts/card/build-fixtures.ts, never committed): the JP2
 * face photo and the PNGs of the printed name, address and security code.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BUILD_DIR = fileURLToPath(new URL('./build/', import.meta.url));

export interface PersonaAssets {
  /** 顔写真: JPEG 2000 in a JP2 container, greyscale. */
  readonly photoJp2: Uint8Array;
  readonly nameImage: Uint8Array;
  readonly addressImage: Uint8Array;
  readonly securityCodeImage: Uint8Array;
}

export function personaAssetDir(id: string): string {
  return `${BUILD_DIR}${id}/`;
}

export function loadPersonaAssets(id: string): PersonaAssets {
  const dir = personaAssetDir(id);
  try {
    return {
      photoJp2: readFileSync(`${dir}photo.jp2`),
      nameImage: readFileSync(`${dir}name.png`),
      addressImage: readFileSync(`${dir}address.png`),
      securityCodeImage: readFileSync(`${dir}security-code.png`),
    };
  } catch (cause) {
    throw new Error(`persona "${id}" fixtures missing: run \`npm run build:card-fixtures\``, { cause });
  }
}
