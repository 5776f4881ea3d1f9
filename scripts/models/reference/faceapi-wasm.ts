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
  tensor3d(values: Uint8Array, shape: [number, number, number], dtype: 'int32'): Tensor;
}
export interface FaceApiFace {
  /** face-api's SSD box, image pixels. */
  readonly box: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
  /** Its 68 landmarks in image pixels. */
  readonly landmarks: readonly { readonly x: number; readonly y: number }[];
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
    ssdMobilenetv1: { loadFromDisk(dir: string): Promise<void>; isLoaded: boolean };
  };
  SsdMobilenetv1Options: new (o: { minConfidence: number }) => unknown;
  detectAllFaces(input: Tensor, options: unknown): {
    withFaceLandmarks(): Promise<{ detection: { box: FaceApiFace['box'] }; landmarks: { positions: { x: number; y: number }[] } }[]>;
  };
}

export class FaceApiReference {
  private constructor(
    private readonly tf: Tfjs,
    private readonly faceapi: FaceApi,
    private readonly modelDir: string,
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
    return new FaceApiReference(tf, faceapi, modelDir);
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

  /** face-api's whole landmark pipeline on an RGB image: SSD MobileNet boxes, then 68 landmarks each. */
  async facesWithLandmarks(rgb: Uint8Array, width: number, height: number): Promise<FaceApiFace[]> {
    if (!this.faceapi.nets.ssdMobilenetv1.isLoaded) await this.faceapi.nets.ssdMobilenetv1.loadFromDisk(this.modelDir);
    const input = this.tf.tensor3d(rgb, [height, width, 3], 'int32');
    try {
      const found = await this.faceapi.detectAllFaces(input, new this.faceapi.SsdMobilenetv1Options({ minConfidence: 0.5 })).withFaceLandmarks();
      // Box exposes x, y, width, height as getters, so copy them one by one.
      return found.map(({ detection: { box }, landmarks }) => ({ box: { x: box.x, y: box.y, width: box.width, height: box.height }, landmarks: landmarks.positions.map(({ x, y }) => ({ x, y })) }));
    } finally {
      input.dispose();
    }
  }
}
