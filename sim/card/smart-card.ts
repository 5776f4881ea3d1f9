/**
 * What a link (vpcd or in-process) needs from a card: power control, its ATR, and one APDU in,
 * one response out. Both the faithful virtual card and the broken-chip card implement it.
 */
export interface SmartCard {
  readonly atr: Uint8Array;
  powerOn(): void;
  powerOff(): void;
  reset(): void;
  /** Answer one command APDU with a response APDU (data + SW). Never throws. */
  process(apdu: Uint8Array): Uint8Array;
}

/** Contact ATR of the My Number card (§1): T=1, IFSC FE, no historical bytes. */
export const MY_NUMBER_CARD_ATR = Uint8Array.of(0x3b, 0xe0, 0x00, 0xff, 0x81, 0x31, 0xfe, 0x45, 0x14);
