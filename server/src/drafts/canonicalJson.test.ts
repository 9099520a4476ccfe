import { describe, expect, it } from 'vitest';
import { canonicalJson, sortedKeys } from './canonicalJson.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves out whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 'x', y: null }], c: true } })).toBe(
      '{"a":{"c":true,"d":[1,{"y":null,"z":"x"}]},"b":1}',
    );
  });

  it('drops undefined members as JSON.stringify does', () => {
    expect(canonicalJson({ a: undefined, b: [undefined] })).toBe('{"b":[null]}');
  });

  it('escapes strings as JSON does', () => {
    expect(canonicalJson({ 'é"': 'a\nb' })).toBe('{"é\\"":"a\\nb"}');
  });

  it('gives key order that survives JSON.stringify', () => {
    expect(JSON.stringify(sortedKeys({ b: 1, a: 2 }))).toBe('{"a":2,"b":1}');
  });
});
