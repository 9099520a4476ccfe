import { describe, expect, it } from 'vitest';
import type { PlacedThread } from './threadAnchors';
import {
  blockChoices,
  groupThreads,
  municipalityChoices,
  NO_FILTER,
  sortThreads,
} from './threadFilters';
import { testThread } from './testThreads';

const amsterdam = { userId: 'a', name: 'Anna', municipality: 'GM0363' };
const utrecht = { userId: 'u', name: 'Udo', municipality: 'GM0344' };

function anchored(from: number, to: number, blockId: string, overrides = {}): PlacedThread {
  return {
    thread: testThread(overrides),
    placement: { type: 'anchored', from, to },
    blockId,
  };
}

const late = anchored(40, 45, 'b2', { author: utrecht, kind: 'suggestion', replacement: 'x' });
const early = anchored(5, 9, 'b1', { author: amsterdam, createdAt: '2025-03-02T00:00:00.000Z' });
const sameStart = anchored(5, 7, 'b1', { author: utrecht, status: 'resolved' });
const paper: PlacedThread = {
  thread: testThread({ author: amsterdam }),
  placement: { type: 'paper' },
  blockId: 'paper',
};
const orphan: PlacedThread = {
  thread: testThread({ author: utrecht, quote: 'weg' }),
  placement: { type: 'orphaned' },
  blockId: 'b2',
};
const all = [late, orphan, early, paper, sameStart];

describe('thread order and filters', () => {
  it('lists the whole paper first, then the text in order, orphaned threads last', () => {
    expect(sortThreads(all)).toEqual([paper, sameStart, early, late, orphan]);
  });

  it('keeps orphaned threads apart and filters on every field', () => {
    expect(groupThreads(all, NO_FILTER)).toEqual({
      placed: [paper, sameStart, early, late],
      orphaned: [orphan],
    });
    expect(groupThreads(all, { ...NO_FILTER, municipality: 'GM0344' }).placed).toEqual([
      sameStart,
      late,
    ]);
    expect(groupThreads(all, { ...NO_FILTER, status: 'resolved' }).placed).toEqual([sameStart]);
    expect(groupThreads(all, { ...NO_FILTER, kind: 'suggestion' }).placed).toEqual([late]);
    expect(groupThreads(all, { ...NO_FILTER, blockId: 'b2' })).toEqual({
      placed: [late],
      orphaned: [orphan],
    });
  });

  it('offers municipalities by name and blocks in document order, with counts', () => {
    expect(municipalityChoices(all, 'nl-NL')).toEqual([
      { value: 'GM0363', count: 2 },
      { value: 'GM0344', count: 3 },
    ]);
    expect(blockChoices(all, ['paper', 'b1', 'b2'])).toEqual([
      { value: 'paper', count: 1 },
      { value: 'b1', count: 2 },
      { value: 'b2', count: 2 },
    ]);
  });
});
