import type { BlockComparison, DraftComparison } from '@standpunt/shared';
import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/translate';
import type { TranslateFn } from '../i18n/useT';
import { compareBlockView, compareBlockViews, compareCounts, hasNoChanges } from './compareView';

const nl: TranslateFn = (key, params) => translate('nl', key, params);
const en: TranslateFn = (key, params) => translate('en', key, params);

const side = (kind: string, number: string | null, text: string) => ({ kind, number, text });
const block = (change: BlockComparison['change'], rest: Partial<BlockComparison>) =>
  ({
    blockId: 'b',
    change,
    from: null,
    to: null,
    textChanged: false,
    words: null,
    ...rest,
  }) as BlockComparison;

describe('compare view', () => {
  it('shows an added block as inserted and a removed one as deleted, where they are', () => {
    const added = compareBlockView(block('added', { to: side('paragraph', '2', 'Nieuw.') }), 0, nl);
    expect(added).toMatchObject({
      label: 'compare.change.added',
      place: 'Alinea 2',
      previousPlace: null,
      runs: [{ op: 'insert', text: 'Nieuw.' }],
    });
    const removed = compareBlockView(
      block('removed', { from: side('heading', '1.1', 'Oud') }),
      1,
      nl,
    );
    expect(removed).toMatchObject({
      label: 'compare.change.removed',
      place: 'Kop § 1.1',
      runs: [{ op: 'delete', text: 'Oud' }],
    });
  });

  it('gives the word runs of a changed block, and says where a renumbered block was', () => {
    const words = [
      { op: 'equal', text: 'Tot slot een ' },
      { op: 'delete', text: 'laatste' },
      { op: 'insert', text: 'allerlaatste' },
    ] as const;
    const view = compareBlockView(
      block('changed', {
        from: side('paragraph', '6', 'Tot slot een laatste'),
        to: side('paragraph', '7', 'Tot slot een allerlaatste'),
        textChanged: true,
        words: [...words],
      }),
      2,
      nl,
    );
    expect(view.place).toBe('Alinea 7');
    expect(view.previousPlace).toBe('(was Alinea 6)');
    expect(view.runs).toEqual(words);
  });

  it('names a block that moved and changed, and leaves an unmoved one as one run', () => {
    const moved = compareBlockView(
      block('moved', {
        from: side('bulletList', '3', 'a'),
        to: side('bulletList', '4', 'b'),
        textChanged: true,
        words: [{ op: 'insert', text: 'b' }],
      }),
      0,
      en,
    );
    expect(moved.label).toBe('compare.change.movedChanged');
    expect(moved.previousPlace).toBe('(was Paragraph 3)');
    const same = compareBlockView(
      block('unchanged', { from: side('paragraph', null, ''), to: side('paragraph', null, '') }),
      0,
      nl,
    );
    expect(same).toMatchObject({ place: 'Lege alinea', previousPlace: null });
    expect(same.runs).toEqual([{ op: 'equal', text: '' }]);
  });

  it('counts every kind of change and can hide the unchanged blocks', () => {
    const counts = { added: 1, removed: 0, moved: 0, changed: 0, unchanged: 1 };
    expect(compareCounts(counts, nl).map((c) => c.text)).toEqual([
      '1 toegevoegd',
      '0 verwijderd',
      '0 verplaatst',
      '0 gewijzigd',
      '1 ongewijzigd',
    ]);
    const comparison: DraftComparison = {
      paperId: 'p',
      from: 1,
      to: 'live',
      counts,
      blocks: [
        block('unchanged', { from: side('paragraph', '1', 'a'), to: side('paragraph', '1', 'a') }),
        block('added', { to: side('paragraph', '2', 'b') }),
      ],
    };
    expect(compareBlockViews(comparison, nl, true).map((v) => v.change)).toEqual(['added']);
    expect(compareBlockViews(comparison, nl, false)).toHaveLength(2);
    expect(hasNoChanges(counts)).toBe(false);
    expect(hasNoChanges({ ...counts, added: 0 })).toBe(true);
  });
});
