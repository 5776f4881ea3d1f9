/**
 * The real TensorFlow Lite interpreter (C++ compiled to WASM, shipped inside
 * @tensorflow/tfjs-tflite) run directly in Node: the reference the converted ONNX models are
 * checked against. The package's JS wrapper is browser-only, so this loads its emscripten
 * factory with the wasm bytes read from disk and drives the embind model runner itself.
 * Development and test use only; the kiosk runs the converted ONNX.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

interface TensorInfo {
  readonly name: string;
  readonly shape: string;
  readonly dataType: string;
  data(): Float32Array;
}
interface InfoVector {
  size(): number;
  get(i: number): TensorInfo;
}
interface ModelRunner {
  GetInputs(): InfoVector;
  GetOutputs(): InfoVector;
  Infer(): boolean;
  delete(): void;
}
interface TfliteWasmModule {
  _malloc(size: number): number;
  _free(pointer: number): void;
  HEAPU8: Uint8Array;
  TFLiteWebModelRunner: {
    CreateFromBufferAndOptions(
      pointer: number,
      size: number,
      options: { numThreads: number; enableProfiling: boolean; maxProfilingBufferEntries: number },
    ): { ok(): boolean; errorMessage(): string; value(): ModelRunner };
  };
}
type Factory = (overrides: { wasmBinary: Uint8Array; print: (s: string) => void; printErr: (s: string) => void }) => Promise<TfliteWasmModule>;

export interface ReferenceTensor {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

export class TfliteInterpreter {
  private constructor(
    private readonly runner: ModelRunner,
    private readonly module: TfliteWasmModule,
    private readonly modelPointer: number,
  ) {}

  static async load(model: Uint8Array): Promise<TfliteInterpreter> {
    const require = createRequire(import.meta.url);
    const wasmDir = join(dirname(require.resolve('@tensorflow/tfjs-tflite/package.json')), 'wasm');
    // The plain (non-SIMD, single-thread) build: deterministic, and a worker-free reference.
    const factory = require(join(wasmDir, 'tflite_web_api_cc.js')) as Factory;
    const module = await factory({
      wasmBinary: readFileSync(join(wasmDir, 'tflite_web_api_cc.wasm')),
      print: () => undefined,
      printErr: () => undefined,
    });
    const pointer = module._malloc(model.length);
    module.HEAPU8.set(model, pointer);
    const created = module.TFLiteWebModelRunner.CreateFromBufferAndOptions(pointer, model.length, {
      numThreads: 1,
      enableProfiling: false,
      maxProfilingBufferEntries: 1,
    });
    if (!created.ok()) throw new Error(`TFLite interpreter refused the model: ${created.errorMessage()}`);
    return new TfliteInterpreter(created.value(), module, pointer);
  }

  /** Runs the model on float32 inputs (in the model's input order); returns outputs by name. */
  run(inputs: readonly Float32Array[]): Map<string, ReferenceTensor> {
    const modelInputs = this.runner.GetInputs();
    if (modelInputs.size() !== inputs.length) throw new Error(`model has ${modelInputs.size()} inputs, got ${inputs.length}`);
    inputs.forEach((input, i) => {
      const target = modelInputs.get(i).data();
      if (target.length !== input.length) throw new Error(`input ${i} needs ${target.length} values, got ${input.length}`);
      target.set(input);
    });
    if (!this.runner.Infer()) throw new Error('TFLite inference failed');
    const outputs = new Map<string, ReferenceTensor>();
    const modelOutputs = this.runner.GetOutputs();
    for (let i = 0; i < modelOutputs.size(); i++) {
      const info = modelOutputs.get(i);
      outputs.set(info.name, { shape: info.shape.split(',').map(Number), data: Float32Array.from(info.data()) });
    }
    return outputs;
  }

  dispose(): void {
    this.runner.delete();
    this.module._free(this.modelPointer);
  }
}
