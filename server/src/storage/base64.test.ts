import { describe, expect, it } from 'vitest';
import { fromBase64, isBase64, toBase64 } from './base64.js';

describe('base64 of stored state', () => {
  it('takes what Buffer writes, for every padding, and round-trips the bytes', () => {
    for (const size of [0, 1, 2, 3, 4, 5, 1000]) {
      const bytes = new Uint8Array(size).map((_, i) => (i * 37 + 11) % 256);
      const text = toBase64(bytes);
      expect(isBase64(text)).toBe(true);
      expect(fromBase64(text)).toEqual(bytes);
    }
  });

  it('refuses what is not standard base64 with its padding', () => {
    for (const text of [
      'QUJD=', // wrong length
      'QUJ', // padding missing
      'QU=D', // padding inside
      'Q===', // too much padding
      '====',
      'QUJD\n', // a line break
      'QU-_', // base64url
      'QUJé', // not ASCII
      'QUJD QUJD',
    ]) {
      expect(isBase64(text), text).toBe(false);
    }
  });
});
