import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SyncStateCache } from './SyncStateCache.js';

describe('SyncStateCache', () => {
  it('encodes the answer to a state vector once per version of the doc', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'tekst');
    const cache = new SyncStateCache(doc);
    const empty = Y.encodeStateVector(new Y.Doc());

    const first = cache.step2(empty);
    expect(cache.step2(new Uint8Array(empty))).toBe(first); // same bytes, not encoded again
    expect(cache.step1()).toBe(cache.step1());

    doc.getText('t').insert(5, '!');
    cache.invalidate();
    const second = cache.step2(empty);
    expect(second).not.toBe(first);
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, second.subarray(3)); // [sync][step 2][length: 1 byte here] + update
    expect(fresh.getText('t').toString()).toBe('tekst!');
  });

  it('answers a client that is up to date with only what it lacks', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'tekst');
    const cache = new SyncStateCache(doc);
    const upToDate = cache.step2(Y.encodeStateVector(doc));
    const fromScratch = cache.step2(Y.encodeStateVector(new Y.Doc()));
    expect(upToDate.length).toBeLessThan(fromScratch.length);
  });
});
