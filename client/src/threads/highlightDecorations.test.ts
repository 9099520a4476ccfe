import { describe, expect, it } from 'vitest';
import { segmentRanges, type HighlightRange } from './highlightDecorations';

const range = (id: string, from: number, to: number): HighlightRange => ({
  id,
  kind: 'comment',
  from,
  to,
  replacement: null,
});

describe('segmentRanges', () => {
  it('cuts overlapping threads into segments that name every thread covering them', () => {
    const segments = segmentRanges([range('a', 5, 15), range('b', 10, 20), range('point', 8, 8)]);
    expect(segments.map((s) => [s.from, s.to, s.ranges.map((r) => r.id)])).toEqual([
      [5, 10, ['a']],
      [10, 15, ['a', 'b']],
      [15, 20, ['b']],
    ]);
  });

  it('leaves gaps between separate threads unmarked', () => {
    const segments = segmentRanges([range('a', 1, 3), range('b', 6, 9)]);
    expect(segments.map((s) => [s.from, s.to])).toEqual([
      [1, 3],
      [6, 9],
    ]);
  });
});
