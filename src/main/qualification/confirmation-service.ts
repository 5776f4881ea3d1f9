/**
 * オンライン資格確認 for one patient, outage included. Live: nonce → card signature (PIN) or
 * device attestation (face / 目視) → answer → レセコン file → staff view. When the service cannot be
 * reached, the request is stored in the durable queue (with a deferred device attestation, so no
 * card is needed later) before reception moves on, and `drain()` confirms it when the service is
 * back. Every step leaves an audit event; nothing here touches images or PINs.
 */
import { KioskError } from '../../shared/errors.js';
import type { KioskStore } from '../store/kiosk-store.js';
import { PendingQueue, type QueueItem } from '../store/pending-queue.js';
import type { TroubleCategory } from '../store/trouble-categories.js';
import type { DeviceAttester } from './device-attester.js';
import type { QualificationGateway } from './gateway.js';
import type { AuthProof, ConsentPayload, IdentityMethod, QualificationRequest, QualificationResponse } from './protocol.js';
import { changesAgainst, pendingPayloadSchema, pendingResultSchema, type Change, type PendingPayload, type PendingResult, type ProvisionalFacts } from './pending-confirmation.js';
import type { ReceiptWriter } from './receipt-writer.js';
import { confirmedView, hasUnknownCharacters, pendingView, rejectedView, type StaffResultView } from './staff-view.js';
import { QUALIFICATION_ERRORS } from './error-codes.js';
import { isValidQualification } from './validity.js';

/** What the session knows when identity has been checked. */
export interface VisitFacts {
  readonly requestId: string;
  readonly certificateDer: Uint8Array;
  readonly method: IdentityMethod;
  readonly verifiedAtMs: number;
  /** Null in the certificate grace period: no consent is asked or sent. */
  readonly consent: ConsentPayload | null;
  readonly prescription: 'electronic' | 'paper' | null;
  /** PIN mode: the card, still on the reader, signs the service nonce (after a correct PIN). */
  readonly cardSigner?: (nonceBase64: string) => Promise<string>;
  readonly provisional: ProvisionalFacts;
}

export type ReceptionOutcome =
  | { readonly kind: 'confirmed'; readonly view: StaffResultView; readonly receiptFile: string }
  | { readonly kind: 'queued'; readonly view: StaffResultView }
  | { readonly kind: 'rejected'; readonly view: StaffResultView; readonly code: string; readonly certificateNotAfterMs: number | null };

export interface DrainReport {
  readonly confirmed: number;
  readonly rejected: number;
  /** True when the service was still unreachable and draining stopped early. */
  readonly stillDown: boolean;
  /** Staff code when draining stopped on a local failure (e.g. E-RCP-001: folder not writable). */
  readonly blockedBy: string | null;
}

export interface ConfirmationServiceDeps {
  readonly store: KioskStore;
  readonly gateway: QualificationGateway;
  readonly attester: DeviceAttester;
  readonly receipts: ReceiptWriter;
  readonly now?: () => number;
  /** How long a drainer's claim lasts before another may take the item (its process died). */
  readonly leaseMs?: number;
}

export class ConfirmationService {
  private readonly deps: ConfirmationServiceDeps;
  private readonly queue: PendingQueue<PendingPayload, PendingResult>;
  private readonly now: () => number;
  private draining: Promise<DrainReport> | null = null;

  constructor(deps: ConfirmationServiceDeps) {
    this.deps = deps;
    this.queue = new PendingQueue(deps.store.db, pendingPayloadSchema, pendingResultSchema);
    this.now = deps.now ?? Date.now;
  }

  async confirm(visit: VisitFacts): Promise<ReceptionOutcome> {
    const { gateway, store } = this.deps;
    const nonce = await gateway.issueNonce();
    if (nonce.kind === 'unreachable') return this.enqueue(visit, nonce.detail);
    const request = this.requestFor(visit, await this.liveProof(visit, nonce.nonce.nonce));
    const outcome = await gateway.confirm(request);
    if (outcome.kind === 'unreachable') return this.enqueue(visit, outcome.detail);
    if (outcome.kind === 'rejected') {
      store.audit.append('qualification.rejected', { requestId: visit.requestId, reason: outcome.reason, code: outcome.code }, this.now());
      this.countTrouble(outcome.reason === 'certificate-expired' ? 'certificateExpired' : 'other');
      return {
        kind: 'rejected',
        code: outcome.code,
        certificateNotAfterMs: outcome.certificateNotAfterMs,
        view: rejectedView(visit.requestId, outcome.reason, visit.provisional.nameKana),
      };
    }
    const receiptFile = this.writeReceipt(request, visit.verifiedAtMs, outcome.response);
    store.audit.append('qualification.confirmed', { requestId: visit.requestId, validity: outcome.response.validity, deferred: false }, this.now());
    this.countResultTroubles(outcome.response);
    return { kind: 'confirmed', receiptFile, view: confirmedView(outcome.response) };
  }

  /**
   * Confirms queued requests until the queue is empty or the service is still down. Concurrent
   * calls share one run; another process draining the same file is kept apart by claim leases.
   */
  drain(): Promise<DrainReport> {
    this.draining ??= this.drainRun().finally(() => {
      this.draining = null;
    });
    return this.draining;
  }

  /** Drains every `intervalMs` until the returned function is called. */
  startAutoDrain(intervalMs: number): () => void {
    const timer = setInterval(() => void this.drain(), intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** Staff "pending" list: what is queued, oldest first. */
  pending(): StaffResultView[] {
    return this.queue.open().map((item) => pendingView(item.payload.request.requestId, item.payload.provisional.nameKana));
  }

  /** Confirmations that were deferred, with what changed since reception. */
  deferredResults(): { view: StaffResultView; changes: Change[] }[] {
    return this.queue.done().flatMap((item) => {
      const r = item.result;
      if (r === null) return [];
      if (r.outcome === 'rejected') return [{ view: rejectedView(item.payload.request.requestId, r.reason, item.payload.provisional.nameKana), changes: [] }];
      return [{ view: confirmedView(r.response), changes: r.changes }];
    });
  }

  private async drainRun(): Promise<DrainReport> {
    let confirmed = 0;
    let rejected = 0;
    const report = (stillDown: boolean, blockedBy: string | null = null): DrainReport => ({ confirmed, rejected, stillDown, blockedBy });
    for (;;) {
      const item = this.queue.claim(this.deps.leaseMs ?? 60_000, this.now());
      if (item === undefined) return report(false);
      const outcome = await this.deps.gateway.confirm(item.payload.request);
      if (outcome.kind === 'unreachable') {
        this.queue.release(item.id, outcome.detail);
        return report(true);
      }
      if (outcome.kind === 'rejected') {
        this.completeQueued(item, { outcome: 'rejected', reason: outcome.reason, code: outcome.code, message: outcome.message }, 'qualification.rejected');
        rejected++;
        continue;
      }
      // The file first, then the queue: a crash in between repeats the request, the service
      // answers the same requestId identically, and the file is replaced, not duplicated.
      let receiptFile: string;
      try {
        receiptFile = this.writeReceipt(item.payload.request, item.payload.visitedAtMs, outcome.response);
      } catch (error) {
        // The item stays queued; staff see the code, and the next drain tries again.
        this.queue.release(item.id, error instanceof Error ? error.message : String(error));
        return report(false, error instanceof KioskError ? error.code : QUALIFICATION_ERRORS.RECEIPT_WRITE_FAILED);
      }
      const changes = changesAgainst(item.payload.provisional, outcome.response);
      this.completeQueued(item, { outcome: 'confirmed', response: outcome.response, receiptFile, changes }, 'qualification.confirmed');
      this.countResultTroubles(outcome.response);
      confirmed++;
    }
  }

  private completeQueued(item: QueueItem<PendingPayload, PendingResult>, result: PendingResult, kind: string): void {
    const { store } = this.deps;
    // One transaction: the queue never says "done" without its audit event, nor the reverse.
    store.db.transaction(() => {
      this.queue.complete(item.id, result, this.now());
      store.audit.append(
        kind,
        result.outcome === 'confirmed'
          ? { requestId: item.payload.request.requestId, validity: result.response.validity, deferred: true }
          : { requestId: item.payload.request.requestId, reason: result.reason, deferred: true },
        this.now(),
      );
    })();
  }

  private async enqueue(visit: VisitFacts, detail: string): Promise<ReceptionOutcome> {
    const { store, attester } = this.deps;
    const proof = await attester.attest(visit.requestId, visit.certificateDer, visit.method, null, visit.verifiedAtMs);
    const payload: PendingPayload = {
      request: this.requestFor(visit, proof),
      visitedAtMs: visit.verifiedAtMs,
      provisional: visit.provisional,
    };
    const created = store.db.transaction((): boolean => {
      // A session repeated after a crash finds its request already queued: one event per request.
      const item = this.queue.enqueue(visit.requestId, payload, this.now());
      if (item.created) {
        store.audit.append('qualification.queued', { requestId: visit.requestId, method: visit.method, cause: detail.slice(0, 200) }, this.now());
      }
      return item.created;
    })();
    if (created) this.countTrouble('serviceOutage');
    return { kind: 'queued', view: pendingView(visit.requestId, visit.provisional.nameKana) };
  }

  private writeReceipt(request: QualificationRequest, visitedAtMs: number, response: QualificationResponse): string {
    return this.deps.receipts.write({
      requestId: request.requestId,
      medicalInstitutionCode: request.medicalInstitutionCode,
      visitedAtMs,
      response,
      consent: request.consent,
      prescription: request.prescription,
    });
  }

  private async liveProof(visit: VisitFacts, nonce: string): Promise<AuthProof> {
    if (visit.method === 'pin' && visit.cardSigner !== undefined) {
      return { kind: 'card-signature', nonce, signature: await visit.cardSigner(nonce) };
    }
    return this.deps.attester.attest(visit.requestId, visit.certificateDer, visit.method, nonce, visit.verifiedAtMs);
  }

  private requestFor(visit: VisitFacts, auth: AuthProof): QualificationRequest {
    return {
      requestId: visit.requestId,
      medicalInstitutionCode: this.deps.store.settings.get('medicalInstitutionCode'),
      certificate: Buffer.from(visit.certificateDer).toString('base64'),
      auth,
      consent: visit.consent,
      prescription: visit.prescription,
    };
  }

  private countResultTroubles(response: QualificationResponse): void {
    if (!isValidQualification(response.validity)) this.countTrouble('qualificationNotFound');
    if (response.qualification !== null && hasUnknownCharacters(response.qualification)) this.countTrouble('unknownCharacters');
  }

  private countTrouble(category: TroubleCategory): void {
    this.deps.store.troubles.count(category, this.now());
  }
}
