/**
 * The insured people (被保険者) of the embedded demo: one per card persona, with the persona's
 * printed name, kana, birth date and address, and one qualification in force. The insurer follows
 * age as the law does: 後期高齢者医療 (1割) from 75, 高齢受給者 (2割) from 70, otherwise 協会けんぽ
 * (3割). Insured numbers derive from the persona id, never from the My Number.
 */
import { createHash } from 'node:crypto';
import type { Persona } from '../card/persona.js';
import type { RegistrySeed } from '../oqs/registry.js';

type PersonSeed = RegistrySeed['people'][number];
type Period = PersonSeed['periods'][number];

const yyyymmdd = (iso: string) => iso.replaceAll('-', '');

function ageOn(birthIso: string, today: Date): number {
  const [y, m, d] = birthIso.split('-').map(Number) as [number, number, number];
  const beforeBirthday = today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d);
  return today.getUTCFullYear() - y - (beforeBirthday ? 1 : 0);
}

function insuredNumber(personaId: string): string {
  return String(Number.parseInt(createHash('sha256').update(personaId).digest('hex').slice(0, 8), 16) % 100_000_000).padStart(8, '0');
}

function periodFor(persona: Persona, today: Date): Period {
  const age = ageOn(persona.printed.birthDate, today);
  const common = { qualificationDate: '20200401', disqualificationDate: null, reasonOfLoss: null, limitApplication: null, personalFamilyClassification: '1' as const };
  if (age >= 75) {
    return {
      ...common,
      insuredCardClassification: '01',
      insurerNumber: '39131015',
      insurerName: '東京都後期高齢者医療広域連合',
      insuredCardSymbol: null,
      insuredIdentificationNumber: insuredNumber(persona.id),
      insuredBranchNumber: null,
      partialContributionRatio: '010',
      elderlyRecipient: null,
    };
  }
  return {
    ...common,
    insuredCardClassification: '01',
    insurerNumber: '01130012',
    insurerName: '全国健康保険協会東京支部',
    insuredCardSymbol: '2110',
    insuredIdentificationNumber: insuredNumber(persona.id),
    insuredBranchNumber: '00',
    partialContributionRatio: age >= 70 ? '020' : '030',
    elderlyRecipient: age >= 70 ? { contributionRatio: '020', validFrom: '20250801', validTo: '20270731' } : null,
  };
}

/** Registry people for the personas with a chip (a broken chip has no certificate to link). */
export function demoRegistry(personas: readonly Persona[], today: Date): RegistrySeed {
  return {
    people: personas
      .filter((p) => p.chip === 'mynumber')
      .map((p) => ({
        id: p.id,
        note: p.summary,
        name: p.printed.name,
        nameKana: p.kanaName,
        sex: p.printed.sex === '1' ? '1' : '2',
        birthdate: yyyymmdd(p.printed.birthDate),
        address: p.printed.address,
        postNumber: null,
        insurerLinkPending: false,
        periods: [periodFor(p, today)],
      })),
  };
}
