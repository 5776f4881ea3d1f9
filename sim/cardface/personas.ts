/**
 * Synthetic card holders for the virtual scanner and the OCR evaluation: varied names, addresses,
 * eras (大正 to 令和), sexes, issue dates and security codes. Every value is invented.
 */
import { ageOn, compareDates, type CalendarDate } from '../../src/main/cardface/calendar-date.js';
import type { CardFacePrintedFields, GreyscalePixels, PrintedSex } from './printed-fields.js';
import type { Rng } from './rng.js';

const FAMILY_NAMES = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', '吉田', '山田', '佐々木', '山口', '松本', '井上', '木村', '長谷川', '斎藤', '清水'];
const GIVEN_NAMES = ['太郎', '花子', '一郎', '美咲', '健太', '陽子', '大輔', '由美', '翔太', '恵子', '誠', '明美', '拓也', '直子', '浩二', 'さくら', '蓮', '結衣', '悠真', '葵'];
const FOREIGN_NAMES = ['SMITH JOHN', 'NGUYEN VAN AN', 'GARCIA MARIA', 'KIM MINJUN', 'WANG FANG'];
const PLACES = ['東京都千代田区霞が関', '大阪府大阪市北区梅田', '北海道札幌市中央区北一条西', '福岡県福岡市博多区博多駅前', '愛知県名古屋市中区栄', '宮城県仙台市青葉区本町', '京都府京都市左京区吉田本町', '沖縄県那覇市泉崎', '広島県広島市中区基町', '神奈川県横浜市西区みなとみらい'];

/** The card holder's first issue date: My Number cards exist since 2016. */
const FIRST_ISSUE: CalendarDate = { year: 2016, month: 1, day: 1 };

export interface SyntheticPersona {
  readonly id: string;
  readonly fields: CardFacePrintedFields;
}

export function generatePersona(rng: Rng, today: CalendarDate, id: string): SyntheticPersona {
  const foreign = rng.next() < 0.1;
  const birthDate = randomBirthDate(rng, today);
  const issueDate = randomIssueDate(rng, birthDate, today);
  const sex: PrintedSex = rng.next() < 0.5 ? '男' : '女';
  return {
    id,
    fields: {
      name: foreign ? rng.pick(FOREIGN_NAMES) : `${rng.pick(FAMILY_NAMES)}\u3000${rng.pick(GIVEN_NAMES)}`,
      address: `${rng.pick(PLACES)}${rng.int(1, 9)}丁目${rng.int(1, 30)}番${rng.int(1, 20)}号`,
      birthDate,
      birthPrintedWestern: foreign,
      sex,
      expiryDate: expiryFor(birthDate, issueDate),
      securityCode: String(rng.int(0, 9999)).padStart(4, '0'),
      photo: syntheticPhoto(rng),
    },
  };
}

/** Ages 0–105; 29 February is left out so every holder has a birthday in every year. */
function randomBirthDate(rng: Rng, today: CalendarDate): CalendarDate {
  const year = today.year - rng.int(0, 105);
  const month = rng.int(1, 12);
  const day = rng.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate() - (month === 2 ? 1 : 0));
  const date = { year, month, day };
  return compareDates(date, today) > 0 ? { ...date, year: year - 1 } : date;
}

function randomIssueDate(rng: Rng, birth: CalendarDate, today: CalendarDate): CalendarDate {
  const earliest = compareDates(birth, FIRST_ISSUE) > 0 ? birth : FIRST_ISSUE;
  const from = Date.UTC(earliest.year, earliest.month - 1, earliest.day);
  const to = Date.UTC(today.year, today.month - 1, today.day);
  const d = new Date(from + Math.floor(rng.next() * (to - from)));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * 有効期限: the holder's 10th birthday after issue (5th when under 18 at issue), the rule of the
 * My Number card; the printed expiry therefore shares month and day with the birth date.
 */
export function expiryFor(birth: CalendarDate, issue: CalendarDate): CalendarDate {
  const birthdays = ageOn(birth, issue) >= 18 ? 10 : 5;
  const birthdayPassed = issue.month > birth.month || (issue.month === birth.month && issue.day >= birth.day);
  return { year: issue.year + birthdays - (birthdayPassed ? 0 : 1), month: birth.month, day: birth.day };
}

/** A plain greyscale head-and-shoulders silhouette: enough to fill the photo area realistically. */
function syntheticPhoto(rng: Rng): GreyscalePixels {
  const width = 120;
  const height = 150;
  const data = new Uint8Array(width * height);
  const background = rng.int(170, 230);
  const skin = rng.int(110, 190);
  const hair = rng.int(20, 90);
  const headY = rng.range(55, 65);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = (x - 60) / 32;
      const dy = (y - headY) / 42;
      const inHead = dx * dx + dy * dy <= 1;
      const inHair = inHead && y < headY - 20;
      const inShoulders = y > 110 && Math.abs(x - 60) < 20 + (y - 110) * 1.5;
      data[y * width + x] = inHair ? hair : inHead ? skin : inShoulders ? hair + 30 : background - Math.floor(y / 10);
    }
  }
  return { width, height, data };
}
