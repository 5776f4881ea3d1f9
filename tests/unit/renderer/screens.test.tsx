/**
 * What each screen offers, drawn from its snapshot alone (server-rendered to HTML, Japanese, so
 * no browser is needed): the buttons a patient can press and the facts shown before they act.
 * Layout, languages and sizes are checked in the browser by tests/e2e/screens.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { SessionSnapshot } from '../../../src/shared/snapshot.js';
import { ScreenFor } from '../../../src/renderer/App.js';
import { GALLERY_FIXTURES } from '../../../src/renderer/gallery/fixtures.js';
import { translate, type MessageKey } from '../../../src/renderer/i18n/catalog.js';

function fixture(id: string): SessionSnapshot {
  const found = GALLERY_FIXTURES.find((f) => f.id === id);
  if (!found) throw new Error(`no fixture ${id}`);
  return found.snapshot;
}

function render(snapshot: SessionSnapshot): string {
  return renderToStaticMarkup(<ScreenFor snapshot={snapshot} />);
}

/** The visible labels of every button, in order. */
function buttons(html: string): string[] {
  return [...html.matchAll(/<button[^>]*>(.*?)<\/button>/g)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, '').trim());
}

const ja = (key: MessageKey, params?: Record<string, string>) => translate('ja', key, params);

describe('method choice (本人確認)', () => {
  it('offers face, PIN, call staff and the staff 目視 button', () => {
    expect(buttons(render(fixture('method-choice')))).toEqual([
      expect.stringContaining(ja('method.face')),
      expect.stringContaining(ja('method.pin')),
      ja('common.callStaff'),
      ja('method.staff'),
    ]);
  });

  it('hides PIN for a PIN-less card and 目視 when staff have not enabled it', () => {
    const html = render({ ...fixture('method-choice-pinless'), staffVisualCheck: false } as SessionSnapshot);
    expect(html).not.toContain(ja('method.pin'));
    expect(html).not.toContain(ja('method.staff'));
    expect(html).toContain(ja('method.faceOnlyCard'));
  });

  it('without face mode on this kiosk: no 顔認証 button, a sentence saying so, PIN still offered', () => {
    const html = render(fixture('method-choice-face-unavailable'));
    expect(buttons(html)).toEqual([expect.stringContaining(ja('method.pin')), ja('common.callStaff'), ja('method.staff')]);
    expect(html).toContain(ja('method.faceUnavailable'));
    expect(html).not.toContain(ja('method.faceOnlyCard'));
  });
});

describe('PIN entry (暗証番号)', () => {
  it('shows the tries left before any key is pressed, four empty dots and a disabled 確定', () => {
    const html = render(fixture('pin-entry'));
    expect(html).toContain(ja('pin.triesLeft', { n: '3' }));
    expect(html).not.toContain(ja('pin.lastTry'));
    expect(html).not.toContain(ja('pin.wrong'));
    expect(html.match(/class="dot"/g)).toHaveLength(4);
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>確定<\/button>/);
    expect(buttons(html).filter((b) => /^\d$/.test(b)).sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('warns before the last try and says the previous entry was wrong', () => {
    const html = render(fixture('pin-entry-last-try'));
    expect(html).toContain(ja('pin.lastTry'));
    expect(html).toContain(ja('pin.wrong'));
    expect(html.match(/class="dot filled"/g)).toHaveLength(2);
  });

  it('enables 確定 once four digits are in, and never shows a digit the patient typed', () => {
    const html = render({ ...fixture('pin-entry'), digitsEntered: 4 } as SessionSnapshot);
    expect(html).toMatch(/<button[^>]*class="pad-key pad-submit"[^>]*>確定<\/button>/);
    expect(html).not.toMatch(/pad-submit"[^>]*disabled/);
    expect(html.match(/class="dot filled"/g)).toHaveLength(4);
  });
});

describe('face (顔認証)', () => {
  it('says the hint in words and shows the attempt count and seconds left, so there is no hidden clock', () => {
    const html = render(fixture('face'));
    expect(html).toContain(ja('face.hint.too-close'));
    expect(html).toContain(ja('face.attempt', { attempt: '2', max: '3' }));
    expect(html).toContain(ja('face.secondsLeft', { seconds: '14' }));
    expect(html).toContain('guide-oval');
  });

  it('offers retry, PIN and staff after a failure, and only what main allows', () => {
    expect(buttons(render(fixture('face-failed')))).toEqual([ja('faceFailed.retry'), ja('faceFailed.usePin'), ja('common.callStaff')]);
    const noPin = render({ ...fixture('face-failed'), canRetry: false, canUsePin: false } as SessionSnapshot);
    expect(buttons(noPin)).toEqual([ja('common.callStaff')]);
  });
});

describe('consent (同意)', () => {
  it('names the items the facility asks about beside 全て同意する and 個別に同意する', () => {
    const html = render({ ...fixture('consent-choice'), items: ['medication'] } as SessionSnapshot);
    expect(buttons(html)).toEqual([ja('consent.all'), ja('consent.individually')]);
    expect(html).toContain(ja('consent.item.medication'));
    expect(html).not.toContain(ja('consent.item.surgery'));
  });

  it('marks each answer as pressed and keeps 決定 disabled until every item is answered', () => {
    const html = render(fixture('consent-items'));
    expect(html.match(/aria-pressed="true"/g)).toHaveLength(2);
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>この内容で決定<\/button>/);
    const answered = render({
      ...fixture('consent-items'),
      answers: [{ item: 'checkup', agree: false }],
      canConfirm: true,
    } as SessionSnapshot);
    expect(answered).not.toMatch(/disabled/);
  });
});

describe('expiry and unusable cards', () => {
  it('spells out the grace dates in Japanese and says no consent is asked', () => {
    const html = render(fixture('expiry-notice-grace'));
    expect(html).toContain('2024年11月30日');
    expect(html).toContain('2025年2月28日');
    expect(html).toContain(ja('expiry.grace.noConsent'));
    expect(buttons(html)).toEqual([ja('common.next')]);
  });

  it('lists the documents that replace an expired card and asks for the card back', () => {
    const html = render(fixture('card-unusable-expired'));
    for (const key of [
      'unusable.alternative.qualification-certificate',
      'unusable.alternative.mynaportal-pdf',
      'unusable.alternative.qualification-notice',
    ] as const) {
      expect(html).toContain(ja(key));
    }
    expect(html).toContain(ja('takeCard.title'));
    expect(buttons(html)).toEqual([]);
  });
});

describe('done (受付完了)', () => {
  it('tells a valid patient they are done and only asks for the card', () => {
    const html = render(fixture('done'));
    expect(html).toContain(ja('done.title.completed'));
    expect(html).toContain(ja('done.outcome.valid'));
    expect(html).not.toContain(ja('takeCard.stillThere'));
    expect(html).not.toContain('ヤマダ');
  });

  it('turns a not-found result into "staff will help", with a stronger reminder at a higher level', () => {
    const html = render(fixture('done-not-found'));
    expect(html).toContain(ja('done.title.staffWillHelp'));
    expect(html).toContain(ja('done.outcome.not-found'));
    expect(html).toContain(ja('takeCard.stillThere'));
    expect(html).toContain('data-reminder-level="2"');
  });
});

describe('staff screens', () => {
  it('visual check asks yes or no, leaves a slot for the chip photo, and can be cancelled', () => {
    const html = render(fixture('visual-check'));
    expect(buttons(html)).toEqual([ja('visualCheck.same'), ja('visualCheck.notSame'), ja('staff.cancel')]);
    expect(html).toContain('data-slot="chip-photo"');
  });

  it('the passcode pad says how many wrong tries there were', () => {
    expect(render(fixture('staff-passcode'))).toContain(ja('staffPasscode.wrong', { n: '1' }));
  });

  it('staff-needed says what happened and what staff will do', () => {
    const html = render(fixture('staff-needed'));
    expect(html).toContain(ja('staffNeeded.reason.pin-locked'));
    expect(html).toContain(ja('staffNeeded.staffWill.pin-locked'));
  });
});

it('every fixture renders without an untranslated key or an unfilled placeholder', () => {
  for (const { id, snapshot } of GALLERY_FIXTURES) {
    const text = render(snapshot).replace(/<[^>]+>/g, ' ');
    expect(text, id).not.toMatch(/\{\w+\}/);
    expect(text, id).not.toMatch(/\b[a-z]+(?:\.[a-zA-Z-]+){1,3}\b/);
  }
});
