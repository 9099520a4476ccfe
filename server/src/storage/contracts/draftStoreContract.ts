/**
 * What every DraftStore does, whichever backend keeps the drafts: written once, listed in
 * order, and checked on every load so that a changed draft is never served as the original.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Draft } from '@standpunt/shared';
import { draftHash } from '../../drafts/draftHash.js';
import { DraftExistsError, DraftIntegrityError, type DraftStore } from '../DraftStore.js';
import type { OpenStore } from './StoreUnderTest.js';

export interface DraftStoreExtras {
  /**
   * The draft as the backend keeps it (a file, a row), read and written behind the store's
   * back: how the tests damage it.
   */
  storedText: {
    read(paperId: string, number: number): Promise<string>;
    write(paperId: string, number: number, text: string): Promise<void>;
  };
}

export function makeDraft(paperId: string, number: number, text = 'Tekst'): Draft {
  const draft: Omit<Draft, 'sha256'> = {
    paperId,
    number,
    label: `Versie ${number}`,
    phase: 'concept',
    frozenBy: { userId: 'u1', name: 'Eva', municipality: 'GM0363' },
    frozenAt: '2026-03-01T10:00:00.000Z',
    title: 'Titel',
    theme: 'Beheer',
    yjsState: 'AAA=',
    content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
    numbering: [{ id: 'p1', kind: 'paragraph', number: '1' }],
  };
  return { ...draft, sha256: draftHash(draft) };
}

const textOf = (draft: Draft | null) => draft?.content.content?.[0]?.content?.[0]?.text;

export function describeDraftStoreContract(
  backend: string,
  open: OpenStore<DraftStore, DraftStoreExtras>,
): void {
  describe(`DraftStore contract (${backend})`, () => {
    let store: DraftStore;
    let reopen: () => Promise<DraftStore>;
    let cleanup: () => Promise<void>;
    let storedText: DraftStoreExtras['storedText'];

    beforeEach(async () => {
      ({ store, reopen, cleanup, storedText } = await open());
    });
    afterEach(async () => {
      await cleanup();
    });

    it('has no drafts for a paper at first', async () => {
      expect(await store.list('paper1')).toStrictEqual([]);
      expect(await store.load('paper1', 1)).toBeNull();
    });

    it('saves, lists (ascending, as numbers) and loads drafts', async () => {
      for (const n of [10, 1, 2]) await store.save(makeDraft('paper1', n));
      expect(await store.list('paper1')).toStrictEqual([1, 2, 10]);
      expect(await store.load('paper1', 2)).toStrictEqual(makeDraft('paper1', 2));
      expect(await store.load('paper1', 10)).toStrictEqual(makeDraft('paper1', 10));
      expect(await store.load('paper1', 3)).toBeNull();
    });

    it('keeps the drafts of each paper apart', async () => {
      await store.save(makeDraft('paper1', 1, 'Eerste'));
      await store.save(makeDraft('paper2', 1, 'Tweede'));
      await store.save(makeDraft('paper2', 2));
      expect(await store.list('paper1')).toStrictEqual([1]);
      expect(await store.list('paper2')).toStrictEqual([1, 2]);
      expect(textOf(await store.load('paper1', 1))).toBe('Eerste');
      expect(textOf(await store.load('paper2', 1))).toBe('Tweede');
    });

    it('keeps every character, also beyond ASCII', async () => {
      const draft = makeDraft('paper1', 1, 'Één “quote” — één 🙂 \u0000 \\ "');
      await store.save(draft);
      expect(await store.load('paper1', 1)).toStrictEqual(draft);
    });

    it('keeps a draft as the pretty-printed JSON the file store writes', async () => {
      const draft = makeDraft('paper1', 1);
      await store.save(draft);
      expect(await storedText.read('paper1', 1)).toBe(`${JSON.stringify(draft, null, 2)}\n`);
    });

    it('never replaces a stored draft', async () => {
      await store.save(makeDraft('paper1', 1, 'Origineel'));
      const second = store.save(makeDraft('paper1', 1, 'Vervalst'));
      await expect(second).rejects.toBeInstanceOf(DraftExistsError);
      await expect(second).rejects.toMatchObject({ paperId: 'paper1', number: 1 });
      expect(textOf(await store.load('paper1', 1))).toBe('Origineel');
      expect(await store.list('paper1')).toStrictEqual([1]);
    });

    it('lets exactly one of two saves of one number at once win', async () => {
      const results = await Promise.allSettled([
        store.save(makeDraft('paper1', 1, 'Een')),
        store.save(makeDraft('paper1', 1, 'Twee')),
      ]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const [refused] = results.filter((result) => result.status === 'rejected');
      expect(refused?.reason).toBeInstanceOf(DraftExistsError);
      expect(['Een', 'Twee']).toContain(textOf(await store.load('paper1', 1)));
    });

    describe('refuses a damaged draft', () => {
      beforeEach(async () => {
        await store.save(makeDraft('paper1', 1));
        await store.save(makeDraft('paper1', 2));
        await store.save(makeDraft('paper2', 1));
      });

      it('with one character changed', async () => {
        const text = await storedText.read('paper1', 1);
        await storedText.write('paper1', 1, text.replace('Tekst', 'Tekts'));
        const load = store.load('paper1', 1);
        await expect(load).rejects.toBeInstanceOf(DraftIntegrityError);
        await expect(load).rejects.toMatchObject({ paperId: 'paper1', number: 1 });
        await expect(load).rejects.toThrow(/failed verification: .*has sha256/);
      });

      it('that is not JSON', async () => {
        await storedText.write('paper1', 1, '{"paperId":"paper1"');
        await expect(store.load('paper1', 1)).rejects.toThrow(/not valid JSON/);
      });

      it('without a hash', async () => {
        const { sha256: _hash, ...unhashed } = makeDraft('paper1', 1);
        await storedText.write('paper1', 1, JSON.stringify(unhashed));
        await expect(store.load('paper1', 1)).rejects.toThrow(/holds no hash/);
      });

      it('copied from another paper', async () => {
        await storedText.write('paper1', 1, await storedText.read('paper2', 1));
        await expect(store.load('paper1', 1)).rejects.toThrow(/another paper or number/);
      });

      it('copied from another number', async () => {
        await storedText.write('paper1', 1, await storedText.read('paper1', 2));
        await expect(store.load('paper1', 1)).rejects.toThrow(/another paper or number/);
      });

      it('and says how to get it back', async () => {
        await storedText.write('paper1', 1, 'kapot');
        await expect(store.load('paper1', 1)).rejects.toThrow(/restore it from a backup/);
      });

      it('but still serves the undamaged ones', async () => {
        await storedText.write('paper1', 1, 'kapot');
        expect(await store.load('paper1', 2)).toStrictEqual(makeDraft('paper1', 2));
        expect(await store.list('paper1')).toStrictEqual([1, 2]);
      });
    });

    it('refuses a paper id that is not a safe path segment', async () => {
      await expect(store.list('../etc')).rejects.toThrow(/Invalid paper id/);
      await expect(store.load('a/b', 1)).rejects.toThrow(/Invalid paper id/);
      await expect(store.save(makeDraft('p.1', 1))).rejects.toThrow(/Invalid paper id/);
    });

    it('keeps its drafts over a restart', async () => {
      await store.save(makeDraft('paper1', 1));
      await store.save(makeDraft('paper1', 2));
      store = await reopen();
      expect(await store.list('paper1')).toStrictEqual([1, 2]);
      expect(await store.load('paper1', 2)).toStrictEqual(makeDraft('paper1', 2));
      await expect(store.save(makeDraft('paper1', 2))).rejects.toBeInstanceOf(DraftExistsError);
    });
  });
}
