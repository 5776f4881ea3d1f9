/**
 * face-api.js itself (@vladmandic/face-api node-wasm build on @tensorflow/tfjs-backend-wasm):
 * the reference the rebuilt FaceRecognitionNet and FaceLandmark68Net are checked against. tfjs-node cannot be
 * installed here, so the WASM backend is the only way face-api runs in Node. Its wasm files
 * are read from node_modules by emscripten's own Node loader (no fetch, no network).
 * Development and test use only.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

interface Tensor {
  dispose(): void;
}
interface Tfjs {
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  getBackend(): string;
  tensor4d(values: Float32Array, shape: [number, number, number, number]): Tensor;
}
interface FaceApi {
  nets: {
    faceRecognitionNet: {
      loadFromDisk(dir: string): Promise<void>;
      computeFaceDescriptor(input: Tensor): Promise<Float32Array | Float32Array[]>;
    };
    faceLandmark68Net: {
      loadFromDisk(dir: string): Promise<void>;
      forward(input: Tensor): Promise<Tensor & { data(): Promise<Float32Array> }>;
    };
  };
}

export class FaceApiReference {
  private constructor(
    private readonly tf: Tfjs,
    private readonly faceapi: FaceApi,
  ) {}

  static async load(): Promise<FaceApiReference> {
    const require = createRequire(import.meta.url);
    const tf = require('@tensorflow/tfjs') as Tfjs;
    const wasm = require('@tensorflow/tfjs-backend-wasm') as { setWasmPaths(prefix: string, usePlatformFetch: boolean): void };
    const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
    wasm.setWasmPaths(`${join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist')}/`, false);
    if (!(await tf.setBackend('wasm'))) throw new Error('tfjs wasm backend failed to initialise');
    await tf.ready();
    const modelDir = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
    await faceapi.nets.faceRecognitionNet.loadFromDisk(modelDir);
    await faceapi.nets.faceLandmark68Net.loadFromDisk(modelDir);
    return new FaceApiReference(tf, faceapi);
  }

  /** face-api's 128-d descriptor of a 150×150 RGB crop (values 0–255, NHWC). */
  async descriptor(rgb150: Float32Array): Promise<Float32Array> {
    const input = this.tf.tensor4d(rgb150, [1, 150, 150, 3]);
    try {
      const result = await this.faceapi.nets.faceRecognitionNet.computeFaceDescriptor(input);
      const descriptor = Array.isArray(result) ? result[0] : result;
      if (descriptor === undefined) throw new Error('face-api returned no descriptor');
      return descriptor;
    } finally {
      input.dispose();
    }
  }

  /**
   * face-api's 68 landmarks of a 112×112 RGB crop (0–255, NHWC) as 136 interleaved fractions of
   * the crop. On a square input of exactly the network's size face-api's postProcess scales by
   * 112 / 112, so this is its raw network output.
   */
  async landmarks(rgb112: Float32Array): Promise<Float32Array> {
    const input = this.tf.tensor4d(rgb112, [1, 112, 112, 3]);
    try {
      const output = await this.faceapi.nets.faceLandmark68Net.forward(input);
      try {
        return await output.data();
      } finally {
        output.dispose();
      }
    } finally {
      input.dispose();
    }
  }
}
