/**
 * The face matcher the session runner uses (顔認証): one worker thread, one session at a time.
 * Frames are validated on arrival (a bad frame throws E-FACE-002 at once) and posted to the
 * worker; while it is busy only the newest frame waits, older ones are dropped, so a slow
 * machine sees fresh frames rather than a growing queue.
 */
import type { Worker } from 'node:worker_threads';
import { KioskError, type KioskErrorPayload } from '../../shared/errors.js';
import { DEFAULT_RULE, FrameDecision, type DecisionRule, type FaceOutcome } from './decision.js';
import { FACE_ERROR_CODES, faceError } from './error-codes.js';
import type { PipelineOptions } from './face-pipeline.js';
import { validateFrame, type CameraFrame } from './frame.js';
import type { QualityHint } from './quality.js';
import { launchFaceWorker } from './worker-launch.js';
import type { WorkerRequest, WorkerResponse } from './worker-protocol.js';

export interface FaceMatcherOptions extends PipelineOptions {
  readonly rule?: DecisionRule;
  /** Tests and bundlers may supply the worker; by default the one next to this module. */
  readonly launchWorker?: () => Worker;
}

/** "No decision yet", with what the patient should change. */
export interface FaceProgress {
  readonly hints: readonly QualityHint[];
  /** Cosine score of this frame against the chip photo, when the frame was usable. */
  readonly score?: number;
  readonly usableFrames: number;
}

export interface FaceResult {
  readonly outcome: FaceOutcome;
  /** The decision rule's score (mean of the top-k frames), when one was computed. */
  readonly score?: number;
  readonly threshold: number;
  readonly usableFrames: number;
  readonly framesSeen: number;
  /** Why the answer is "cannot judge", when an error caused it. */
  readonly error?: KioskErrorPayload;
}

export interface FaceMatcher {
  readonly embedderId: string;
  /** Begins a session with the chip photo (JP2). Rejects with E-FACE-001/008 (the result then says cannot-judge). */
  startSession(chipPhotoJp2: Uint8Array): Promise<void>;
  /** Offers a camera frame; throws E-FACE-002 for a malformed one. The matcher takes the bytes over. */
  pushFrame(frame: CameraFrame): void;
  onProgress(listener: (progress: FaceProgress) => void): () => void;
  /** The current session's answer. */
  readonly result: Promise<FaceResult>;
  /** Ends the session as "cannot judge" (card removed, patient chose PIN). */
  cancel(): void;
  close(): Promise<void>;
}

interface Session {
  readonly id: number;
  readonly decision: FrameDecision;
  readonly result: Promise<FaceResult>;
  resolve(result: FaceResult): void;
  enrolled: boolean;
  done: boolean;
}

function misuse(en: string): never {
  throw faceError(FACE_ERROR_CODES.SESSION_MISUSE, '顔認証の手順が正しくありません（不具合です）', en);
}

/** Moves `bytes` into the worker without copying when they own their whole buffer. */
function transferable(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice();
}

export async function createFaceMatcher(options: FaceMatcherOptions = {}): Promise<FaceMatcher> {
  const { rule = DEFAULT_RULE, launchWorker = launchFaceWorker, ...pipelineOptions } = options;
  const worker = launchWorker();
  const ready = await new Promise<{ embedderId: string; threshold: number }>((resolve, reject) => {
    const onMessage = (message: WorkerResponse): void => {
      if (message.type === 'ready') resolve(message);
      if (message.type === 'init-failed') reject(faceError(FACE_ERROR_CODES.MODEL_UNAVAILABLE, message.error.message, message.error.message));
    };
    worker.on('message', onMessage);
    worker.once('error', (error) => reject(faceError(FACE_ERROR_CODES.WORKER_FAILED, '顔認証の処理を開始できません', 'The face worker failed to start', error)));
    worker.postMessage({ type: 'init', options: pipelineOptions } satisfies WorkerRequest);
  }).catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });
  return new WorkerMatcher(worker, ready.embedderId, ready.threshold, rule);
}

class WorkerMatcher implements FaceMatcher {
  private readonly listeners = new Set<(progress: FaceProgress) => void>();
  private session: Session | undefined;
  private nextId = 1;
  private inFlight = false;
  /** The newest frame waiting for the worker; replaced, never queued. */
  private waiting: CameraFrame | undefined;
  private closed = false;
  private enrolment: { resolve(): void; reject(error: unknown): void } | undefined;

  constructor(
    private readonly worker: Worker,
    readonly embedderId: string,
    private readonly threshold: number,
    private readonly rule: DecisionRule,
  ) {
    worker.on('message', (message: WorkerResponse) => this.onMessage(message));
    const fail = (): void => {
      this.closed = true;
      this.finish({ code: FACE_ERROR_CODES.WORKER_FAILED, message: `顔認証の処理が停止しました / The face worker stopped (${FACE_ERROR_CODES.WORKER_FAILED})` });
    };
    worker.on('error', fail);
    worker.on('exit', fail);
  }

  get result(): Promise<FaceResult> {
    if (!this.session) misuse('result read before startSession');
    return this.session.result;
  }

  startSession(chipPhotoJp2: Uint8Array): Promise<void> {
    if (this.closed) misuse('startSession after close');
    if (this.session && !this.session.done) misuse('startSession while a session is running; cancel() it first');
    if (!(chipPhotoJp2 instanceof Uint8Array)) misuse('chip photo is not a Uint8Array');
    let resolve!: (result: FaceResult) => void;
    const result = new Promise<FaceResult>((r) => (resolve = r));
    const session: Session = { id: this.nextId++, decision: new FrameDecision(this.threshold, this.rule), result, resolve, enrolled: false, done: false };
    this.session = session;
    this.waiting = undefined;
    const jp2 = transferable(chipPhotoJp2);
    this.worker.postMessage({ type: 'enrol', session: session.id, jp2 } satisfies WorkerRequest, [jp2.buffer as ArrayBuffer]);
    return new Promise<void>((res, rej) => (this.enrolment = { resolve: res, reject: rej }));
  }

  pushFrame(frame: CameraFrame): void {
    const valid = validateFrame(frame);
    if (this.closed) misuse('pushFrame after close');
    if (!this.session || this.session.done) return; // no session waiting for frames: drop it
    this.waiting = valid;
    this.pump();
  }

  onProgress(listener: (progress: FaceProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  cancel(): void {
    this.finish();
  }

  async close(): Promise<void> {
    this.finish();
    this.closed = true;
    this.listeners.clear();
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  private pump(): void {
    const session = this.session;
    if (this.inFlight || !this.waiting || !session?.enrolled || session.done) return;
    const frame = { ...this.waiting, data: transferable(this.waiting.data) };
    this.waiting = undefined;
    this.inFlight = true;
    this.worker.postMessage({ type: 'frame', session: session.id, frame } satisfies WorkerRequest, [frame.data.buffer as ArrayBuffer]);
  }

  private onMessage(message: WorkerResponse): void {
    const session = this.session;
    if (message.type === 'ready' || message.type === 'init-failed') return;
    if (message.type === 'frame-done' || message.type === 'frame-failed') this.inFlight = false;
    if (!session || message.session !== session.id || session.done) {
      this.pump();
      return;
    }
    switch (message.type) {
      case 'enrolled':
        session.enrolled = true;
        this.enrolment?.resolve();
        break;
      case 'enrol-failed':
        this.enrolment?.reject(new KioskError(message.error.code, message.error.message));
        this.finish(message.error);
        break;
      case 'frame-failed':
        this.finish(message.error);
        break;
      case 'frame-done': {
        const state = session.decision.add(message.score);
        for (const listener of this.listeners) listener({ hints: message.hints, ...(message.score === undefined ? {} : { score: message.score }), usableFrames: state.usableFrames });
        if (state.state !== 'pending') this.settle(session, { outcome: state.state, ...(state.score === undefined ? {} : { score: state.score }), threshold: state.threshold, usableFrames: state.usableFrames, framesSeen: state.framesSeen });
        break;
      }
    }
    this.pump();
  }

  /** Ends the current session as "cannot judge" unless it already has an answer. */
  private finish(error?: KioskErrorPayload): void {
    const session = this.session;
    if (!session || session.done) return;
    const state = session.decision.giveUp();
    this.settle(session, { outcome: 'cannot-judge', threshold: state.threshold, usableFrames: state.usableFrames, framesSeen: state.framesSeen, ...(error ? { error } : {}) });
  }

  private settle(session: Session, result: FaceResult): void {
    session.done = true;
    this.waiting = undefined;
    if (!session.enrolled) this.enrolment?.reject(faceError(FACE_ERROR_CODES.SESSION_MISUSE, '顔認証が中断されました', 'Session ended before the chip photo was enrolled'));
    this.enrolment = undefined;
    if (!this.closed) this.worker.postMessage({ type: 'forget', session: session.id } satisfies WorkerRequest);
    session.resolve(result);
  }
}
