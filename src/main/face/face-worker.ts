/**
 * The face worker thread: owns the ONNX sessions and the one chip embedding of the current
 * session, so inference never blocks main's event loop (IPC, card reader, UI snapshots).
 * Nothing here writes or logs: errors go back as code + message, never with pixel data.
 */
import { parentPort } from 'node:worker_threads';
import { KioskError } from '../../shared/errors.js';
import { FACE_ERROR_CODES } from './error-codes.js';
import { FacePipeline } from './face-pipeline.js';
import { decodeChipPhoto } from './jp2-decode.js';
import type { WorkerRequest, WorkerResponse } from './worker-protocol.js';

function payload(error: unknown): { code: string; message: string } {
  if (error instanceof KioskError) return error.toPayload();
  return { code: FACE_ERROR_CODES.INFERENCE_FAILED, message: `顔認証の処理に失敗しました / Face processing failed (${FACE_ERROR_CODES.INFERENCE_FAILED})` };
}

const port = parentPort;
if (!port) throw new Error('face-worker must run as a worker thread');
const send = (message: WorkerResponse): void => port.postMessage(message);

let pipeline: FacePipeline | undefined;
let chip: { session: number; embedding: Float32Array } | undefined;

port.on('message', (request: WorkerRequest) => {
  void handle(request);
});

async function handle(request: WorkerRequest): Promise<void> {
  switch (request.type) {
    case 'init':
      try {
        pipeline = await FacePipeline.create(request.options);
        send({ type: 'ready', embedderId: pipeline.embedder.id, threshold: pipeline.embedder.threshold });
      } catch (error) {
        send({ type: 'init-failed', error: payload(error) });
      }
      return;
    case 'enrol':
      try {
        const photo = await decodeChipPhoto(request.jp2);
        chip = { session: request.session, embedding: await pipeline!.enrolChipPhoto(photo) };
        send({ type: 'enrolled', session: request.session });
      } catch (error) {
        send({ type: 'enrol-failed', session: request.session, error: payload(error) });
      }
      return;
    case 'frame':
      try {
        const analysis = await pipeline!.analyseFrame(request.frame);
        const score = analysis.embedding && chip?.session === request.session ? pipeline!.embedder.compare(analysis.embedding, chip.embedding) : undefined;
        send({ type: 'frame-done', session: request.session, hints: analysis.quality.hints, ...(score === undefined ? {} : { score }) });
      } catch (error) {
        send({ type: 'frame-failed', session: request.session, error: payload(error) });
      }
      return;
    case 'forget':
      if (chip?.session === request.session) chip = undefined;
      return;
  }
}
