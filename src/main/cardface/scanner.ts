/** A device that photographs the front of the inserted card (券面スキャナ) on demand. */
import type { CardFaceImage } from './image.js';

export interface CardFaceScanner {
  /**
   * One fresh picture of the card front. The caller owns it, must not keep it beyond reading it,
   * and wipes it afterwards. Fails with KioskError E-CFS-001 when the device gives no picture.
   */
  capture(): Promise<CardFaceImage>;
}
