/**
 * Adapter from the virtual card's personas (sim/card) to what the card-face scanner prints, so the
 * scanner shows the very card the virtual reader holds. Needs the persona fixtures built by
 * `npm run build:card-fixtures` (for the JP2 photo).
 */
import { decodeChipPhoto } from '../../src/main/face/jp2-decode.js';
import { loadPersonaAssets } from '../card/persona-assets.js';
import type { Persona } from '../card/persona.js';
import type { CalendarDate } from '../../src/main/cardface/calendar-date.js';
import type { CardFacePrintedFields, PrintedSex } from './printed-fields.js';

const SEX: Record<Persona['printed']['sex'], PrintedSex> = { '1': '男', '2': '女', '9': null };

export async function printedFieldsOfPersona(persona: Persona): Promise<CardFacePrintedFields> {
  const photo = await decodeChipPhoto(loadPersonaAssets(persona.id).photoJp2);
  const p = persona.printed;
  return {
    name: p.name,
    address: p.address,
    birthDate: isoToDate(p.birthDate),
    birthPrintedWestern: p.nationality === 'foreign',
    sex: SEX[p.sex],
    expiryDate: isoToDate(p.cardExpiry),
    securityCode: p.securityCode,
    photo: { width: photo.width, height: photo.height, data: photo.data },
  };
}

function isoToDate(iso: string): CalendarDate {
  const [year = 0, month = 0, day = 0] = iso.split('-').map(Number);
  return { year, month, day };
}
