/**
 * The done screen after the qualification service refused the check: plain words for the patient,
 * and for staff the refusal's code with the remedy that code names (operator guide).
 */
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { SessionSnapshot, StaffResult } from '../../../src/shared/snapshot.js';
import { ScreenFor } from '../../../src/renderer/App.js';
import { GALLERY_FIXTURES } from '../../../src/renderer/gallery/fixtures.js';
import { translate, type MessageKey } from '../../../src/renderer/i18n/catalog.js';

type Done = Extract<SessionSnapshot, { screen: 'done' }>;

function rejected(code: string, certificateNotAfter: string | null = null): Done {
  const found = GALLERY_FIXTURES.find((f) => f.id === 'done-rejected')?.snapshot;
  if (found?.screen !== 'done' || found.result === null) throw new Error('no done-rejected fixture');
  const result: StaffResult = { ...found.result, refusal: { code, certificateNotAfter } };
  return { ...found, result };
}

const render = (snapshot: SessionSnapshot) => renderToStaticMarkup(<ScreenFor snapshot={snapshot} />);
const ja = (key: MessageKey, params?: Record<string, string>) => translate('ja', key, params);

describe('done screen after a refusal by the qualification service', () => {
  it('tells the patient that staff will help, in plain words without the code', () => {
    const html = render(rejected('E-OQS-003'));
    expect(html).toContain(ja('done.title.staffWillHelp'));
    expect(html).toContain(`data-outcome="rejected">${ja('done.outcome.rejected')}</p>`);
    // Nothing was confirmed, so no "consent sent" summary: the staff line takes its place.
    expect(html).not.toContain(ja('done.consentSent'));
  });

  it('tells the patient when their certificate expired, when the service named the date', () => {
    const html = render(rejected('E-OQS-003', '2025-01-15'));
    expect(html).toContain(ja('done.outcome.certificateExpired', { date: '2025年1月15日' }));
    expect(html).not.toContain(ja('done.outcome.rejected'));
  });

  it.each([
    ['E-OQS-003', 'done.refusal.certificate'],
    ['E-OQS-004', 'done.refusal.notRegistered'],
    ['E-OQS-005', 'done.refusal.device'],
    ['E-OQS-002', 'done.refusal.other'],
    ['E-OQS-099', 'done.refusal.other'],
  ] as const)('shows staff %s with the remedy %s', (code, remedy) => {
    const html = render(rejected(code));
    expect(html).toContain(`data-refusal="${code}"`);
    expect(html).toContain(ja('done.staffRefusal', { code, remedy: ja(remedy) }));
  });

  it('has no staff line when the check was not refused', () => {
    const notFound = GALLERY_FIXTURES.find((f) => f.id === 'done-not-found')?.snapshot;
    if (!notFound) throw new Error('no done-not-found fixture');
    expect(render(notFound)).not.toContain('data-refusal');
  });
});
