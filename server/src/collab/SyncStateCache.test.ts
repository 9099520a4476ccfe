import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SyncStateCache } from './SyncStateCache.js';

describe('SyncStateCache', () => {
  it('encodes the answer to a state vector once per version of the doc', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'tekst');
    const cache = new SyncStateCache(doc);
    const empty = Y.encodeStateVector(new Y.Doc());

    // The first client's answer is not kept (it may be the only client); the second one is.
    const alone = cache.step2(empty);
    const first = cache.step2(new Uint8Array(empty));
    expect(first).not.toBe(alone);
    expect(first).toEqual(alone);
    expect(cache.step2(new Uint8Array(empty))).toBe(first); // same bytes, not encoded again
    cache.step1();
    expect(cache.step1()).toBe(cache.step1());

    doc.getText('t').insert(5, '!');
    cache.invalidate();
    cache.step2(empty);
    const second = cache.step2(empty);
    expect(second).not.toBe(first);
    expect(cache.step2(empty)).toBe(second);
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

  it('forgets its answers once nobody asked for them for a whole trim period', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'tekst');
    const cache = new SyncStateCache(doc);
    const empty = Y.encodeStateVector(new Y.Doc());
    cache.step2(empty);
    const kept = cache.step2(empty);

    cache.trim(); // asked for since the last trim: kept
    expect(cache.step2(empty)).toBe(kept);
    cache.trim();
    cache.trim(); // a whole period without a request
    const again = cache.step2(empty);
    expect(again).not.toBe(kept);
    expect(again).toEqual(kept);
  });
});
