/**
 * The virtual card-face scanner: photographs the front of whichever card is "inserted" (rendered
 * from its printed fields), each capture under freshly drawn scan conditions, as a real document
 * camera would give a slightly different picture every time.
 */
import { KioskError } from '../../src/shared/errors.js';
import { CARDFACE_ERROR_CODES, CARDFACE_ERROR_MESSAGES } from '../../src/main/cardface/error-codes.js';
import type { CardFaceImage } from '../../src/main/cardface/image.js';
import type { CardFaceScanner } from '../../src/main/cardface/scanner.js';
import type { CardFacePrintedFields } from './printed-fields.js';
import { renderCardFront } from './render-card-front.js';
import { createRng, type Rng } from './rng.js';
import { randomScanConditions, type ScanConditions } from './scan-conditions.js';

export interface VirtualScannerOptions {
  /** The printed fields of the card now in the reader, or null when none is. */
  readonly insertedCard: () => CardFacePrintedFields | null;
  /** 0–1: how rough the random capture conditions are (default 0.5). */
  readonly severity?: number;
  readonly seed?: number;
  /** The same conditions for every capture instead of random ones (for tests of one defect). */
  readonly fixed?: ScanConditions;
}

export class VirtualCardFaceScanner implements CardFaceScanner {
  private readonly rng: Rng;

  constructor(private readonly options: VirtualScannerOptions) {
    this.rng = createRng(options.seed ?? 1);
  }

  async capture(): Promise<CardFaceImage> {
    const card = this.options.insertedCard();
    if (!card) throw new KioskError(CARDFACE_ERROR_CODES.SCANNER_UNAVAILABLE, `${CARDFACE_ERROR_MESSAGES['E-CFS-001']} (no card on the virtual scanner)`);
    return renderCardFront(card, this.options.fixed ?? randomScanConditions(this.rng, this.options.severity ?? 0.5));
  }
}
