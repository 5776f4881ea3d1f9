/**
 * The qualification port (オンライン資格確認): the session's request, registration and "is this card
 * registered" questions, answered through the ConfirmationService (nonce → card signature or
 * device attestation → answer → レセコン file, or the durable queue when the service is down).
 *
 * Choices (docs/decisions/0002-demo-wiring.md):
 *  - A service refusal (bad signature, revoked, kiosk not registered, …) is answered as
 *    'rejected' with its staff code, so staff see why and what to do, not a "no qualification".
 *  - 利用登録 needs the card's signature over a service nonce, so only PIN registration can
 *    succeed; face registration is refused by the port and staff take over.
 *  - Whether a card is registered is asked of a RegistrationDirectory: the service's
 *    /v1/registrations/status where it offers one (the demo simulator does), else assumed.
 */
import { randomUUID } from 'node:crypto';
import type { InsuranceFacts, QualificationAnswer } from '../session/events.js';
import type { ConsentToSend } from '../session/effects.js';
import { CardError } from '../card/card-error.js';
import type { ConsentStore } from '../store/consents.js';
import type { ConfirmationService } from '../qualification/confirmation-service.js';
import type { QualificationGateway } from '../qualification/gateway.js';
import type { ConsentPayload, RegistrationRequest, RegistrationStatus } from '../qualification/protocol.js';
import { lookUpRegistration } from '../qualification/registration-lookup.js';
import type { StaffResultView } from '../qualification/staff-view.js';
import { QUALIFICATION_VALIDITY } from '../qualification/validity.js';
import type { QualificationPort } from './effect-runner.js';
import type { InsertedCard } from './card-port.js';
import { agreedItems } from './consent-port.js';
import type { Logger } from './logger.js';

export interface RegistrationDirectory {
  status(certificateDer: Uint8Array): Promise<RegistrationStatus>;
}

/**
 * Where no lookup exists (a relay that does not offer one), every card is taken as registered:
 * the service still refuses an unregistered one at confirmation, and staff see why.
 */
export const ASSUME_REGISTERED: RegistrationDirectory = {
  status: async () => ({ registered: true, personId: null }),
};

/**
 * The service's own answer. While it cannot be reached, the card is taken as registered, as
 * without a lookup: reception goes on (the confirmation is queued), and if the card was not
 * registered the service says so when the queue drains.
 */
export function serviceRegistrationDirectory(serviceUrl: string, timeoutMs: number, log: Logger): RegistrationDirectory {
  return {
    async status(certificateDer) {
      const lookup = await lookUpRegistration(serviceUrl, certificateDer, timeoutMs);
      if (lookup.kind === 'status') return lookup.status;
      log.warn({ code: lookup.code, detail: lookup.detail }, '利用登録の確認ができないため登録済みとして続行します / registration lookup failed: the card is taken as registered');
      return ASSUME_REGISTERED.status(certificateDer);
    },
  };
}

export interface QualificationPortDeps {
  readonly confirmations: ConfirmationService;
  readonly gateway: QualificationGateway;
  /** Base URL of the service, for POST /v1/registrations. */
  readonly serviceUrl: string;
  readonly timeoutMs: number;
  readonly directory: RegistrationDirectory;
  readonly consents: ConsentStore;
  readonly currentCard: () => InsertedCard | undefined;
  readonly now: () => Date;
  readonly log: Logger;
}

export interface QualificationLink {
  readonly port: QualificationPort;
  /** card-read's "registered" fact. */
  isRegistered(card: InsertedCard): Promise<boolean>;
}

export function createQualificationLink(deps: QualificationPortDeps): QualificationLink {
  const { log } = deps;
  // Registered at this kiosk since start: known at once, whatever the directory has caught up on.
  const registeredHere = new Set<string>();

  const cardOnReader = (): InsertedCard => {
    const card = deps.currentCard();
    if (card === undefined) throw new CardError('CARD_REMOVED', 'no card for the qualification step');
    return card;
  };

  const consentPayload = (consent: ConsentToSend, card: InsertedCard): ConsentPayload | null => {
    const nowMs = deps.now().getTime();
    switch (consent.kind) {
      case 'given':
        return { items: agreedItems(consent.items), givenAtMs: nowMs };
      case 'on-file': {
        const onFile = deps.consents.validAt(card.subjectKey, nowMs);
        return onFile === undefined ? null : { items: onFile.items, givenAtMs: onFile.givenAtMs };
      }
      case 'none':
        return null;
    }
  };

  const signWith = (card: InsertedCard) => async (nonceBase64: string) =>
    Buffer.from(await card.session.signNonce(Buffer.from(nonceBase64, 'base64'))).toString('base64');

  const port: QualificationPort = {
    async request(query) {
      const card = cardOnReader();
      const outcome = await deps.confirmations.confirm({
        requestId: randomUUID(),
        certificateDer: card.certificate.der,
        method: query.method,
        verifiedAtMs: deps.now().getTime(),
        consent: consentPayload(query.consent, card),
        prescription: query.ePrescription,
        ...(query.method === 'pin' ? { cardSigner: signWith(card) } : {}),
        provisional: { nameKana: null, declaredRatio: null },
      });
      switch (outcome.kind) {
        case 'confirmed':
          log.info({ requestId: outcome.view.requestId, validity: outcome.view.validity }, 'qualification confirmed; レセコン file written');
          return answerOf(outcome.view);
        case 'queued':
          return { outcome: 'unreachable' };
        case 'rejected':
          log.warn({ code: outcome.code, requestId: outcome.view.requestId }, 'qualification service refused the request');
          return {
            outcome: 'rejected',
            code: outcome.code,
            certificateNotAfter: outcome.certificateNotAfterMs === null ? null : new Date(outcome.certificateNotAfterMs),
          };
      }
    },
    defer() {
      // The confirmation keeps running: it ends as a レセコン file or in the durable queue,
      // which the auto-drain confirms later. Nothing to cancel.
      log.info('session stopped waiting for the qualification service; the request continues in the background');
    },
    async register(method) {
      if (method !== 'pin') {
        log.warn({ method }, '利用登録 needs the card signature (PIN); refused for this method');
        return false;
      }
      const card = cardOnReader();
      const { personId } = await deps.directory.status(card.certificate.der);
      if (personId === null) {
        log.warn('利用登録: the service gave no person for this certificate');
        return false;
      }
      const nonce = await deps.gateway.issueNonce();
      if (nonce.kind === 'unreachable') {
        log.warn({ code: nonce.code }, '利用登録: no nonce from the service');
        return false;
      }
      const request: RegistrationRequest = {
        certificate: Buffer.from(card.certificate.der).toString('base64'),
        nonce: nonce.nonce.nonce,
        signature: await signWith(card)(nonce.nonce.nonce),
        personId,
      };
      const ok = await postRegistration(deps.serviceUrl, request, deps.timeoutMs, log);
      if (ok) registeredHere.add(card.subjectKey);
      return ok;
    },
  };

  return {
    port,
    async isRegistered(card) {
      return registeredHere.has(card.subjectKey) || (await deps.directory.status(card.certificate.der)).registered;
    },
  };
}

/** POST /v1/registrations; true when the service linked the certificate. */
export async function postRegistration(serviceUrl: string, request: RegistrationRequest, timeoutMs: number, log: Logger): Promise<boolean> {
  try {
    const response = await fetch(new URL('v1/registrations', serviceUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.ok) return true;
    log.warn({ status: response.status, body: (await response.text()).slice(0, 200) }, '利用登録 refused by the service');
    return false;
  } catch (err) {
    log.warn({ err }, '利用登録: service unreachable');
    return false;
  }
}

/** The session's answer from the staff view of a confirmed result (validity 1–6). */
export function answerOf(view: StaffResultView): QualificationAnswer {
  const facts: InsuranceFacts = { insurerName: view.insurerName, insurerNumber: view.insurerNumber, sharePercent: sharePercent(view.share) };
  switch (view.validity) {
    case QUALIFICATION_VALIDITY.valid:
    case QUALIFICATION_VALIDITY.validUnregistered:
      return { outcome: 'valid', name: view.name, kanaName: view.nameKana, insurance: facts };
    case QUALIFICATION_VALIDITY.invalid:
    case QUALIFICATION_VALIDITY.invalidNewerExists:
      return { outcome: 'invalid', name: view.name, kanaName: view.nameKana, oldInsurance: facts };
    default:
      return { outcome: 'not-found' };
  }
}

/** "3割" → 30; the view states the share the way staff say it. */
function sharePercent(share: string | null): number | null {
  const tenths = share === null ? null : /^(\d+)割$/.exec(share)?.[1];
  return tenths === undefined || tenths === null ? null : Number(tenths) * 10;
}
