import type { SessionSnapshot } from '../../shared/snapshot.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useText } from '../i18n/use-text.js';
import type { MessageKey } from '../i18n/catalog.js';

type Step = Extract<SessionSnapshot, { screen: 'working' }>['step'];

/** The three stages a patient can follow: card read, identity confirmed, insurance checked. */
const STAGES = ['card', 'identity', 'insurance'] as const;
type Stage = (typeof STAGES)[number];

/** Which stage each step of main belongs to: registration happens right after identity. */
const STAGE_OF_STEP: Record<Step, Stage> = {
  pin: 'identity',
  'staff-passcode': 'identity',
  registration: 'identity',
  qualification: 'insurance',
};

const TITLE_OF_STEP: Record<Step, MessageKey> = {
  pin: 'working.pin',
  'staff-passcode': 'working.staffPasscode',
  registration: 'working.registration',
  qualification: 'working.qualification',
};

/** Waiting on the card, the passcode check, registration or the service: where we are, and calm. */
export function WorkingScreen({ step }: { step: Step }) {
  const t = useText();
  const current = STAGES.indexOf(STAGE_OF_STEP[step]);
  return (
    <ScreenFrame screen="working" title={t(TITLE_OF_STEP[step])} busy>
      <div className="spinner" role="progressbar" aria-label={t(TITLE_OF_STEP[step])} />
      <ol className="progress-steps">
        {STAGES.map((stage, index) => {
          const state = index < current ? 'done' : index === current ? 'current' : 'todo';
          return (
            <li key={stage} className={`progress-step ${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="progress-mark" aria-hidden="true">
                {state === 'done' ? '✓' : index + 1}
              </span>
              {t(`working.stage.${stage}`)}
            </li>
          );
        })}
      </ol>
      <p className="lead">{t('working.body')}</p>
    </ScreenFrame>
  );
}
