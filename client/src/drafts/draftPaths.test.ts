import { describe, expect, it } from 'vitest';
import {
  comparePagePath,
  draftPagePath,
  draftsPagePath,
  parseDraftNumber,
  parseVersionRef,
} from './draftPaths';

describe('draft paths', () => {
  it('builds stable addresses, escaping the paper id', () => {
    expect(draftsPagePath('p1')).toBe('/papers/p1/versies');
    expect(draftPagePath('p 1', 3)).toBe('/papers/p%201/versies/3');
  });

  it('puts the older draft first when comparing, and the live text last', () => {
    expect(comparePagePath('p1', 1, 2)).toBe('/papers/p1/versies/1/vergelijk/2');
    expect(comparePagePath('p1', 3, 1)).toBe('/papers/p1/versies/1/vergelijk/3');
    expect(comparePagePath('p1', 3, 'live')).toBe('/papers/p1/versies/3/vergelijk/live');
  });

  it('reads only well-formed draft numbers and live', () => {
    expect(parseDraftNumber('12')).toBe(12);
    for (const bad of [undefined, '', '0', '01', '-1', '1.5', 'abc', '1234567890']) {
      expect(parseDraftNumber(bad), String(bad)).toBeNull();
    }
    expect(parseVersionRef('live')).toBe('live');
    expect(parseVersionRef('2')).toBe(2);
    expect(parseVersionRef('Live')).toBeNull();
  });
});
