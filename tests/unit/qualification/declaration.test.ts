/**
 * The 被保険者資格申立書: validation, the stored record, and the printable PDF read back with an
 * independent PDF reader (pdfjs) to prove every field is printed in Japanese.
 */
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { declarationSchema, parseDeclaration, type Declaration } from '../../../src/main/qualification/fallback/declaration.js';
import { QUALIFICATION_ERRORS } from '../../../src/main/qualification/error-codes.js';
import { declarationRows, facilityRows, renderDeclarationPdf } from '../../../src/main/qualification/fallback/declaration-pdf.js';
import { DeclarationStore } from '../../../src/main/store/declarations.js';
import { openKioskStore } from '../../../src/main/store/kiosk-store.js';
import { tempDbFile } from '../store/temp-db.js';
import { DECLARATION } from './declaration-fixture.js';

async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  let text = '';
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join('');
  }
  return text.replace(/\s+/g, '');
}

describe('被保険者資格申立書 record', () => {
  it('accepts a complete declaration', () => {
    expect(declarationSchema.parse(DECLARATION)).toEqual(DECLARATION);
  });

  it('refuses a charged share that differs from the declared one, and an employer for 国保', () => {
    expect(declarationSchema.safeParse({ ...DECLARATION, chargedShare: '2' }).success).toBe(false);
    expect(declarationSchema.safeParse({ ...DECLARATION, insuranceType: 'kokuho' }).success).toBe(false);
    expect(declarationSchema.safeParse({ ...DECLARATION, declaredShare: 'unknown', chargedShare: '2' }).success).toBe(true);
  });

  it('names the fields to fix with the staff code', () => {
    expect(() => parseDeclaration({ ...DECLARATION, phone: 'x', addresses: [] })).toThrow(
      expect.objectContaining({ code: QUALIFICATION_ERRORS.DECLARATION_INVALID, message: expect.stringContaining('addresses, phone') }),
    );
    expect(() => parseDeclaration('not a form')).toThrow(expect.objectContaining({ code: QUALIFICATION_ERRORS.DECLARATION_INVALID }));
  });

  it('refuses a kana name that is not katakana and an empty address list', () => {
    expect(declarationSchema.safeParse({ ...DECLARATION, nameKana: 'やまだ' }).success).toBe(false);
    expect(declarationSchema.safeParse({ ...DECLARATION, addresses: [] }).success).toBe(false);
  });

  it('is stored durably and the newest correction wins', () => {
    const file = tempDbFile();
    const store = openKioskStore(file);
    const declarations = new DeclarationStore(store.db, declarationSchema);
    declarations.save('req-1', DECLARATION, 1);
    declarations.save('req-1', { ...DECLARATION, phone: '090-0000-1111' }, 2);
    store.close();
    const reopened = openKioskStore(file);
    expect(new DeclarationStore(reopened.db, declarationSchema).latestFor('req-1')?.record.phone).toBe('090-0000-1111');
    reopened.close();
  });
});

describe('printable PDF', () => {
  it('prints every field with its label in Japanese (checked with pdfjs)', async () => {
    const bytes = await renderDeclarationPdf(DECLARATION);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain('被保険者資格申立書');
    for (const [label, value] of [...declarationRows(DECLARATION), ...facilityRows(DECLARATION)]) {
      expect(text).toContain(label.replace(/\s+/g, ''));
      expect(text).toContain(value.replace(/\s+/g, ''));
    }
    expect(text).toContain('■健康保険組合');
    expect(text).toContain('■3割');
  });

  it('prints names with "●" and rare kanji without failing', async () => {
    const d: Declaration = { ...DECLARATION, name: '●橋 𠮷子', addresses: ['髙輪1-1'] };
    const text = await pdfText(await renderDeclarationPdf(d));
    expect(text).toContain('●橋');
    expect(text).toContain('髙輪1-1');
  });
});
