/**
 * The printed layout of the My Number card front (個人番号カード表面), in card units of 0.1 mm
 * (the card is ISO ID-1, 85.6 × 54 mm). The virtual scanner draws with it; the OCR uses it to tell
 * the fields apart (the security code is the 4-digit text under the photo, right of the date lines).
 */
export const CARD_WIDTH = 856;
export const CARD_HEIGHT = 540;

export interface TextSlot {
  /** Left end of the text baseline. */
  readonly x: number;
  readonly y: number;
  /** Font size in card units. */
  readonly size: number;
}

export const CARD_LAYOUT = {
  title: { x: 40, y: 50, size: 22 },
  nameLabel: { x: 40, y: 112, size: 16 },
  name: { x: 110, y: 115, size: 34 },
  addressLabel: { x: 40, y: 185, size: 16 },
  address: { x: 110, y: 188, size: 24 },
  /** Characters per address line before it wraps onto a second line. */
  addressLineChars: 19,
  birth: { x: 110, y: 300, size: 26 },
  sexLabel: { x: 400, y: 300, size: 16 },
  sex: { x: 450, y: 300, size: 26 },
  expiryBox: { x: 40, y: 326, width: 500, height: 52 },
  expiry: { x: 110, y: 362, size: 24 },
  photo: { x: 600, y: 70, width: 210, height: 262 },
  /** Centre of the security code's baseline (セキュリティコード, under the photo). */
  securityCode: { x: 705, y: 378, size: 26 },
} as const;

/** Vertical centre of a text slot's glyphs (the baseline minus about a third of the font size). */
export function slotCentreY(slot: TextSlot): number {
  return slot.y - slot.size * 0.35;
}
