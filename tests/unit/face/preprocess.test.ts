import { describe, expect, it } from 'vitest';
import { KioskError } from '../../../src/shared/errors.js';
import { fillTensor, parsePreprocess } from '../../../src/main/face/preprocess.js';

describe('manifest preprocessing', () => {
  it('parses the forms the model build writes', () => {
    expect(parsePreprocess('RGB float32, p / 127.5 - 1 (range [-1,1]; [0,1] also detects faces)')).toEqual({ mean: [127.5, 127.5, 127.5], divisor: [127.5, 127.5, 127.5], order: 'RGB' });
    expect(parsePreprocess('ArcFace 112x112 crop (5-point similarity transform), RGB float32, (p - 127.5) / 128.')).toEqual({ mean: [127.5, 127.5, 127.5], divisor: [128, 128, 128], order: 'RGB' });
    expect(parsePreprocess('(x − [122.782, 117.001, 104.298]) / 255 on RGB 150×150')).toEqual({ mean: [122.782, 117.001, 104.298], divisor: [255, 255, 255], order: 'RGB' });
    expect(parsePreprocess('p / 255')).toEqual({ mean: [0, 0, 0], divisor: [255, 255, 255], order: 'RGB' });
    expect(parsePreprocess('BGR, (p - 127.5) / 128').order).toBe('BGR');
    // face-api's rebuilt ResNet normalises inside its graph.
    expect(parsePreprocess('RGB float32 0-255. The mean subtraction [122.782, 117.001, 104.298] and division by 255 are inside the graph.')).toEqual({ mean: [0, 0, 0], divisor: [1, 1, 1], order: 'RGB' });
  });

  it('refuses a sentence without a formula rather than guessing', () => {
    expect(() => parsePreprocess('normalise as usual')).toThrow(KioskError);
  });

  it('fills NHWC and NCHW tensors with normalised values, in batch slots', () => {
    const image = { width: 2, height: 1, data: Float32Array.of(255, 0, 127.5, 0, 255, 127.5) };
    const norm = parsePreprocess('p / 127.5 - 1');
    const nhwc = new Float32Array(12);
    fillTensor(image, norm, 'NHWC', nhwc, 1);
    expect(Array.from(nhwc.slice(6))).toEqual([1, -1, 0, -1, 1, 0]);
    const nchw = new Float32Array(6);
    fillTensor(image, { ...norm, order: 'BGR' }, 'NCHW', nchw);
    expect(Array.from(nchw)).toEqual([0, 0, -1, 1, 1, -1]);
  });
});
