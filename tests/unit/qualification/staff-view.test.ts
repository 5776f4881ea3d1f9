import { describe, expect, it } from 'vitest';
import { Registry } from '../../../sim/oqs/registry.js';
import { SEED } from '../../integration/qualification/sim-harness.js';
import { confirmedView, pendingView, rejectedView } from '../../../src/main/qualification/staff-view.js';
import { changesAgainst } from '../../../src/main/qualification/pending-confirmation.js';
import type { QualificationResponse } from '../../../src/main/qualification/protocol.js';

const registry = new Registry(SEED);
function answer(...ids: string[]): QualificationResponse {
  return { requestId: `r-${ids[0]}`, processedAtMs: 0, notice: null, ...registry.lookup(ids, '20261126') };
}

describe('staff view of a result', () => {
  it('有効: share, insurer and kana, no next step', () => {
    expect(confirmedView(answer('valid-employee-30'))).toMatchObject({
      result: { ja: '有効' },
      share: '3割',
      insurerName: '全国健康保険協会東京支部',
      insurerNumber: '01130012',
      nameKana: 'ヤマダ タロウ',
      hasUnknownCharacters: false,
      oldQualification: null,
      nextStep: null,
    });
  });

  it('高齢受給者: shows the share of the elderly recipient certificate', () => {
    expect(confirmedView(answer('elderly-recipient-20')).share).toBe('2割');
    expect(confirmedView(answer('latter-elderly-10')).share).toBe('1割');
  });

  it('flags "●" in the name so staff check the card face', () => {
    expect(confirmedView(answer('black-circle-name'))).toMatchObject({ hasUnknownCharacters: true, name: '●橋 ●子', nameKana: 'タカハシ ヨウコ' });
  });

  it('資格(無効): shows the old qualification with its reason of loss and the claim rule', () => {
    const view = confirmedView(answer('invalid-changed-insurer'));
    expect(view.oldQualification).toEqual({ insurerName: '旧商事健康保険組合', insurerNumber: '06139954', lostOn: '20250930', reason: { ja: '他の保険へ加入', en: 'joined other insurance' } });
    expect(view.nextStep?.ja).toContain('旧資格情報');
    expect(view.nextStep?.ja).toContain('被保険者資格申立書');
  });

  it('gives a next step for every result that is not plainly valid', () => {
    expect(confirmedView(answer('invalid-newer-exists')).nextStep?.ja).toContain('新しい資格');
    expect(confirmedView(answer('no-qualification')).nextStep?.ja).toContain('不詳');
    expect(confirmedView(answer('duplicate-a', 'duplicate-b')).nextStep?.ja).toContain('複数');
    expect(pendingView('r', 'ヤマダ').nextStep?.ja).toContain('自動で確認');
    expect(rejectedView('r', 'certificate-expired', null).nextStep?.ja).toContain('資格確認書');
    expect(rejectedView('r', 'not-registered', null).nextStep?.ja).toContain('利用登録');
  });
});

describe('what changed after a deferred confirmation', () => {
  it('reports a share that differs from the declared one and a different kana name', () => {
    const changes = changesAgainst({ nameKana: 'サトウ ハナコ', declaredRatio: '030' }, answer('valid-child-20'));
    expect(changes).toEqual([
      { field: '資格確認', before: '未確認', after: 'QualificationValidity 1' },
      { field: '負担割合', before: '3割 (申告)', after: '2割' },
      { field: 'カナ氏名', before: 'サトウ ハナコ', after: 'サトウ ハナ' },
    ]);
  });

  it('reports only the confirmation when reception had it right', () => {
    expect(changesAgainst({ nameKana: 'ヤマダ タロウ', declaredRatio: '030' }, answer('valid-employee-30'))).toHaveLength(1);
  });
});
