/**
 * The printable 被保険者資格申立書 (A4 PDF, pdfkit) with Noto Sans JP embedded from npm, so it
 * prints the same on any kiosk. Every field of the record is on the page; choice fields show all
 * options with the chosen one marked (■), as on the paper form. The page is returned as bytes
 * for the printer; nothing is written to disk here.
 */
import PDFDocument from 'pdfkit';
import { DECLARED_SHARES, INSURANCE_TYPES, type Declaration } from './declaration.js';
import { JapaneseFontFiles } from './japanese-font.js';

const fonts = new JapaneseFontFiles(400);
const MARGIN = 50;
const LABEL_WIDTH = 130;
const ROW_HEIGHT = 26;

type Doc = InstanceType<typeof PDFDocument>;

/** Writes one line of mixed Japanese/Latin text, switching font file per run of characters. */
function write(doc: Doc, text: string, x: number, y: number, size: number): void {
  doc.fontSize(size);
  const runs = fonts.runs(text);
  runs.forEach((run, i) => {
    // A character Noto Sans JP lacks is printed as "●", the mark staff know from the service.
    const shown = run.file === undefined ? '●'.repeat([...run.text].length) : run.text;
    const options = { continued: i < runs.length - 1, lineBreak: false };
    doc.font(run.file ?? fonts.fileFor(0x25cf)!);
    if (i === 0) doc.text(shown, x, y, options);
    else doc.text(shown, options);
  });
}

function choices<K extends string>(labels: Record<K, string>, chosen: K | null): string {
  return (Object.keys(labels) as K[]).map((k) => `${k === chosen ? '■' : '□'}${labels[k]}`).join('　');
}

/** Western date "2026-11-26" as the form's "2026年11月26日". */
function jpDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function declarationRows(d: Declaration): [string, string][] {
  return [
    ['記入日', jpDate(d.filledOn)],
    ['フリガナ', d.nameKana],
    ['氏名', d.name],
    ['生年月日', jpDate(d.birthDate)],
    ['性別', choices({ '1': '男', '2': '女' }, d.sex)],
    ['郵便番号', d.postNumber ?? ''],
    ...d.addresses.map((a, i): [string, string] => [d.addresses.length > 1 ? `住所 (${i + 1})` : '住所', a]),
    ['連絡先 (電話)', d.phone],
    ['保険種別', choices(INSURANCE_TYPES, d.insuranceType)],
    ['本人・家族', choices({ self: '本人', family: '家族' }, d.insuredRelation)],
    ['保険者等名称', d.insurerName ?? ''],
    ['事業所名', d.employerName ?? ''],
    ['一部負担金の割合', choices(DECLARED_SHARES, d.declaredShare)],
  ];
}

export function facilityRows(d: Declaration): [string, string][] {
  return [
    ['医療機関コード', d.facility.medicalInstitutionCode],
    ['受付日', jpDate(d.facility.receivedOn)],
    ['窓口負担の割合', `${d.chargedShare}割`],
    ['患者への連絡日', d.facility.contactedOn === null ? '' : jpDate(d.facility.contactedOn)],
    ['記入者', d.completedBy === 'patient' ? '患者本人 (タッチパネル)' : '職員'],
  ];
}

function table(doc: Doc, rows: [string, string][], top: number): number {
  const width = doc.page.width - 2 * MARGIN;
  const valueWidth = width - LABEL_WIDTH - 12;
  let y = top;
  for (const [label, value] of rows) {
    // A value too long for one line at 10 pt (the 保険種別 choices) goes on two lines, split
    // between choices; a full-width character is taken as 1 em wide.
    const lines = [...value].length * 10 > valueWidth ? splitInTwo(value) : [value];
    const height = ROW_HEIGHT * lines.length;
    doc.rect(MARGIN, y, LABEL_WIDTH, height).rect(MARGIN + LABEL_WIDTH, y, width - LABEL_WIDTH, height).stroke();
    write(doc, label, MARGIN + 6, y + 8, 10);
    lines.forEach((line, i) => write(doc, line, MARGIN + LABEL_WIDTH + 6, y + 8 + i * ROW_HEIGHT, Math.min(10, valueWidth / [...line].length)));
    y += height;
  }
  return y;
}

/** Splits at the separator nearest the middle (full-width space between choices, else any space). */
function splitInTwo(value: string): string[] {
  const middle = value.length / 2;
  let best = -1;
  for (let i = 0; i < value.length; i++) {
    if ((value[i] === '\u3000' || value[i] === ' ') && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) best = i;
  }
  return best < 0 ? [value] : [value.slice(0, best), value.slice(best + 1)];
}

export function renderDeclarationPdf(d: Declaration): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: '被保険者資格申立書' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  write(doc, '被保険者資格申立書', MARGIN, MARGIN, 18);
  write(doc, 'オンラインで資格確認ができなかったため、以下のとおり申し立てます。', MARGIN, MARGIN + 30, 10);
  let y = table(doc, declarationRows(d), MARGIN + 52);
  write(doc, '署名', MARGIN, y + 16, 10);
  doc.moveTo(MARGIN + 40, y + 28).lineTo(MARGIN + 260, y + 28).stroke();
  write(doc, '医療機関等記入欄', MARGIN, y + 48, 11);
  y = table(doc, facilityRows(d), y + 66);
  write(doc, '被保険者番号等の情報(資格確認書・資格情報のお知らせ等)がわかり次第、必ず受診された医療機関等にお伝えください。', MARGIN, y + 16, 8);
  doc.end();
  return done;
}
