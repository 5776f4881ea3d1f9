/**
 * Draws the front of a My Number card (個人番号カード表面) in the real layout, then photographs it
 * under the given scan conditions into an RGBA frame, as a document camera would deliver it.
 */
import { type Canvas, createCanvas, ImageData, type SKRSContext2D } from '@napi-rs/canvas';
import { CARD_HEIGHT, CARD_LAYOUT, CARD_WIDTH, type TextSlot } from '../../src/main/cardface/card-layout.js';
import { westernToEra } from '../../src/main/cardface/era.js';
import type { CalendarDate } from '../../src/main/cardface/calendar-date.js';
import type { CardFaceImage } from '../../src/main/cardface/image.js';
import { japaneseFontFamilies } from './fonts.js';
import type { CardFacePrintedFields, GreyscalePixels } from './printed-fields.js';
import { createRng } from './rng.js';
import type { ScanConditions } from './scan-conditions.js';

export const FRAME_WIDTH = 960;
export const FRAME_HEIGHT = 640;

/** Month and day are padded with a space to two characters, as on the card: 「昭和55年 1月 1日生」. */
function monthDay(d: CalendarDate): string {
  return `${String(d.month).padStart(2, ' ')}月${String(d.day).padStart(2, ' ')}日`;
}

export function printedBirthLine(fields: CardFacePrintedFields): string {
  if (fields.birthPrintedWestern) return `${fields.birthDate.year}年${monthDay(fields.birthDate)}生`;
  const era = westernToEra(fields.birthDate);
  const year = era.eraYear === 1 ? '元' : String(era.eraYear);
  return `${era.era}${year}年${monthDay(fields.birthDate)}生`;
}

export function printedExpiryLine(expiry: CalendarDate): string {
  return `${expiry.year}年${monthDay(expiry)}まで有効`;
}

export function renderCardFront(fields: CardFacePrintedFields, conditions: ScanConditions): CardFaceImage {
  const card = drawCard(fields);
  const frame = createCanvas(FRAME_WIDTH, FRAME_HEIGHT);
  const ctx = frame.getContext('2d');
  ctx.fillStyle = '#5a5f66';
  ctx.fillRect(0, 0, FRAME_WIDTH, FRAME_HEIGHT);
  ctx.save();
  ctx.translate(FRAME_WIDTH / 2 + conditions.shiftX, FRAME_HEIGHT / 2 + conditions.shiftY);
  ctx.rotate((conditions.rotationDeg * Math.PI) / 180);
  ctx.scale(conditions.scale * 0.95, conditions.scale * 0.95);
  ctx.translate(-CARD_WIDTH / 2, -CARD_HEIGHT / 2);
  if (conditions.blurPx > 0) ctx.filter = `blur(${conditions.blurPx}px)`;
  ctx.drawImage(card, 0, 0);
  ctx.filter = 'none';
  if (conditions.glare) drawGlare(ctx, conditions.glare);
  if (conditions.occlusion) drawThumb(ctx, conditions.occlusion);
  ctx.restore();
  const pixels = ctx.getImageData(0, 0, FRAME_WIDTH, FRAME_HEIGHT).data;
  addNoise(pixels, conditions.noiseSigma, conditions.noiseSeed);
  return { width: FRAME_WIDTH, height: FRAME_HEIGHT, rgba: pixels };
}

function drawCard(fields: CardFacePrintedFields): Canvas {
  const canvas = createCanvas(CARD_WIDTH, CARD_HEIGHT);
  const ctx = canvas.getContext('2d');
  const L = CARD_LAYOUT;
  const background = ctx.createLinearGradient(0, 0, CARD_WIDTH, CARD_HEIGHT);
  background.addColorStop(0, '#fbf7f9');
  background.addColorStop(1, '#eef3f8');
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, CARD_WIDTH, CARD_HEIGHT);
  text(ctx, '個人番号カード', L.title, '#c8507a');
  text(ctx, '氏名', L.nameLabel, '#555');
  text(ctx, fields.name, L.name);
  text(ctx, '住所', L.addressLabel, '#555');
  const lines = [fields.address.slice(0, L.addressLineChars), fields.address.slice(L.addressLineChars)];
  lines.forEach((line, i) => text(ctx, line, { ...L.address, y: L.address.y + i * 36 }));
  text(ctx, printedBirthLine(fields), L.birth);
  text(ctx, '性別', L.sexLabel, '#555');
  if (fields.sex) text(ctx, fields.sex, L.sex);
  ctx.fillStyle = '#f4dbe5';
  ctx.fillRect(L.expiryBox.x, L.expiryBox.y, L.expiryBox.width, L.expiryBox.height);
  text(ctx, printedExpiryLine(fields.expiryDate), L.expiry);
  drawPhoto(ctx, fields.photo);
  ctx.textAlign = 'center';
  text(ctx, fields.securityCode, L.securityCode);
  return canvas;
}

function text(ctx: SKRSContext2D, value: string, slot: TextSlot, colour = '#111'): void {
  ctx.fillStyle = colour;
  ctx.font = `${slot.size}px ${japaneseFontFamilies()}`;
  ctx.fillText(value, slot.x, slot.y);
}

function drawPhoto(ctx: SKRSContext2D, photo: GreyscalePixels): void {
  const rgba = new Uint8ClampedArray(photo.width * photo.height * 4);
  for (let i = 0; i < photo.data.length; i++) {
    const v = photo.data[i] ?? 0;
    rgba.set([v, v, v, 255], i * 4);
  }
  const source = createCanvas(photo.width, photo.height);
  source.getContext('2d').putImageData(new ImageData(rgba, photo.width, photo.height), 0, 0);
  const { x, y, width, height } = CARD_LAYOUT.photo;
  ctx.drawImage(source, x, y, width, height);
}

function drawGlare(ctx: SKRSContext2D, glare: NonNullable<ScanConditions['glare']>): void {
  const gradient = ctx.createRadialGradient(glare.x, glare.y, 0, glare.x, glare.y, glare.radius);
  gradient.addColorStop(0, `rgba(255,255,255,${glare.strength})`);
  gradient.addColorStop(1, 'rgba(255,255,255,0)');
  ctx.fillStyle = gradient;
  ctx.fillRect(glare.x - glare.radius, glare.y - glare.radius, glare.radius * 2, glare.radius * 2);
}

function drawThumb(ctx: SKRSContext2D, o: NonNullable<ScanConditions['occlusion']>): void {
  ctx.fillStyle = '#c89478';
  ctx.beginPath();
  ctx.ellipse(o.x, o.y, o.rx, o.ry, 0, 0, Math.PI * 2);
  ctx.fill();
}

function addNoise(pixels: Uint8ClampedArray, sigma: number, seed: number): void {
  if (sigma <= 0) return;
  const rng = createRng(seed);
  for (let i = 0; i < pixels.length; i += 4) {
    // Luminance noise, as a camera sensor adds: the same offset on all three channels.
    const n = rng.gaussian() * sigma;
    pixels[i] = (pixels[i] ?? 0) + n;
    pixels[i + 1] = (pixels[i + 1] ?? 0) + n;
    pixels[i + 2] = (pixels[i + 2] ?? 0) + n;
  }
}
