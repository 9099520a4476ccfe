import { paperSchema } from '@standpunt/shared';
import { describe, expect, it } from 'vitest';
import { blockIdAt, liveBlocks } from './liveBlocks';

const doc = paperSchema().nodeFromJSON({
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1, id: 'h1' }, content: [{ type: 'text', text: 'Inkoop' }] },
    { type: 'paragraph', attrs: { id: 'p1' }, content: [{ type: 'text', text: 'Eerste.' }] },
    { type: 'paragraph', attrs: { id: 'empty' } },
    { type: 'heading', attrs: { level: 2, id: 'h2' }, content: [{ type: 'text', text: 'Markt' }] },
    {
      type: 'bulletList',
      attrs: { id: 'list' },
      content: [
        {
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Punt' }] }],
        },
      ],
    },
  ],
});

describe('liveBlocks', () => {
  it('numbers paragraphs and sections as drafts cite them; empty blocks get none', () => {
    expect(liveBlocks(doc).map((b) => [b.id, b.citation])).toEqual([
      ['h1', '§ 1'],
      ['p1', '1'],
      ['empty', null],
      ['h2', '§ 1.1'],
      ['list', '2'],
    ]);
  });

  it('finds the top-level block around a position, also deep inside a list', () => {
    const list = liveBlocks(doc).find((b) => b.id === 'list');
    expect(blockIdAt(doc, 3)).toBe('h1');
    expect(blockIdAt(doc, (list?.pos ?? 0) + 4)).toBe('list');
  });
});
