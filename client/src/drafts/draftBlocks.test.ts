import type { PmNodeJson } from '@standpunt/shared';
import { describe, expect, it } from 'vitest';
import { draftBlocks } from './draftBlocks';

const block = (type: string, id: string): PmNodeJson => ({ type, attrs: { id } });

describe('draftBlocks', () => {
  it('pairs each block with its number, citation and anchor', () => {
    const blocks = draftBlocks({
      content: {
        type: 'doc',
        content: [block('heading', 'h1'), block('paragraph', 'p1'), block('paragraph', 'leeg')],
      },
      numbering: [
        { id: 'h1', kind: 'heading', number: '1.2' },
        { id: 'p1', kind: 'paragraph', number: '3' },
        { id: 'leeg', kind: 'paragraph', number: null },
      ],
    });
    expect(
      blocks.map(({ kind, number, citation, anchor }) => [kind, number, citation, anchor]),
    ).toEqual([
      ['heading', '1.2', '§ 1.2', 'kop-1.2'],
      ['paragraph', '3', '3', 'alinea-3'],
      ['paragraph', null, null, null],
    ]);
    expect(new Set(blocks.map((b) => b.key)).size).toBe(3);
  });

  it('shows no number where the numbering names another block', () => {
    const [only] = draftBlocks({
      content: { type: 'doc', content: [block('paragraph', 'p1')] },
      numbering: [{ id: 'p2', kind: 'paragraph', number: '1' }],
    });
    expect(only?.number).toBeNull();
    expect(draftBlocks({ content: { type: 'doc' }, numbering: [] })).toEqual([]);
  });
});
