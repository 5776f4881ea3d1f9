/** The 目視 screen with the chip photo: shown as an image, or the reason it is missing and the printed-photo advice. */
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { SessionSnapshot } from '../../../src/shared/snapshot.js';
import { ScreenFor } from '../../../src/renderer/App.js';
import { GALLERY_FIXTURES } from '../../../src/renderer/gallery/fixtures.js';
import { translate } from '../../../src/renderer/i18n/catalog.js';

const base = GALLERY_FIXTURES.find((f) => f.id === 'visual-check')!.snapshot as Extract<SessionSnapshot, { screen: 'visual-check' }>;
const render = (chipPhoto: Extract<SessionSnapshot, { screen: 'visual-check' }>['chipPhoto']) => renderToStaticMarkup(<ScreenFor snapshot={{ ...base, chipPhoto }} />);

describe('目視 chip photo', () => {
  it('shows the photo from the chip as an image staff can compare with', () => {
    const html = render(base.chipPhoto);
    expect(html).toMatch(/<img class="chip-photo" src="data:image\/png;base64,[^"]+" alt="ICチップの顔写真"/);
  });

  it('while it is read, says so and shows no image', () => {
    const html = render({ status: 'loading' });
    expect(html).toContain(translate('ja', 'visualCheck.photoLoading'));
    expect(html).not.toContain('<img');
  });

  it('when it cannot be read, names the code and sends staff to the printed photo', () => {
    const html = render({ status: 'unavailable', code: 'E-CFS-004' });
    expect(html).toContain(translate('ja', 'visualCheck.photoUnavailable', { code: 'E-CFS-004' }));
    expect(html).toContain(translate('ja', 'visualCheck.usePrintedPhoto'));
    expect(html).not.toContain('<img');
  });
});
