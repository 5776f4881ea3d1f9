/**
 * Messages between the matcher (main thread) and the face worker. Only hints and scores come
 * back: embeddings, frames and the chip photo never leave the worker once sent in.
 */
import type { KioskErrorPayload } from '../../shared/errors.js';
import type { PipelineOptions } from './face-pipeline.js';
import type { CameraFrame } from './frame.js';
import type { QualityHint } from './quality.js';

export type WorkerRequest =
  | { readonly type: 'init'; readonly options: PipelineOptions }
  | { readonly type: 'enrol'; readonly session: number; readonly jp2: Uint8Array }
  | { readonly type: 'frame'; readonly session: number; readonly frame: CameraFrame }
  /** Drop the chip embedding: the session is over. */
  | { readonly type: 'forget'; readonly session: number };

export type WorkerResponse =
  | { readonly type: 'ready'; readonly embedderId: string; readonly threshold: number }
  | { readonly type: 'init-failed'; readonly error: KioskErrorPayload }
  | { readonly type: 'enrolled'; readonly session: number }
  | { readonly type: 'enrol-failed'; readonly session: number; readonly error: KioskErrorPayload }
  | { readonly type: 'frame-done'; readonly session: number; readonly hints: readonly QualityHint[]; readonly score?: number }
  | { readonly type: 'frame-failed'; readonly session: number; readonly error: KioskErrorPayload };
