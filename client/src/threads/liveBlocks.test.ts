import { paperSchema } from '@standpunt/shared';
import { describe, expect, it } from 'vitest';
import { blockIdAt, liveBlocks, sameBlockOutline, sameBlocks } from './liveBlocks';

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
    let listPos = -1;
    doc.forEach((block, pos) => {
      if (block.attrs.id === 'list') listPos = pos;
    });
    expect(blockIdAt(doc, 3)).toBe('h1');
    expect(blockIdAt(doc, listPos + 4)).toBe('list');
  });

  it('counts typing past the excerpt as no change, a new citation or excerpt as one', () => {
    const long = 'Gemeenten kopen samen in waar dat de kwaliteit van de dienstverlening verbetert';
    const withText = (p1: string, empty = '') =>
      liveBlocks(
        paperSchema().nodeFromJSON({
          type: 'doc',
          content: [
            { type: 'paragraph', attrs: { id: 'p1' }, content: [{ type: 'text', text: p1 }] },
            {
              type: 'paragraph',
              attrs: { id: 'p2' },
              ...(empty ? { content: [{ type: 'text', text: empty }] } : {}),
            },
          ],
        }),
      );
    expect(sameBlocks(withText(long), withText(`${long}, zo`))).toBe(true);
    expect(sameBlocks(withText(long), withText(`Alle ${long}`))).toBe(false);
    expect(sameBlocks(withText(long), withText(long, 'Tweede.'))).toBe(false);
    expect(sameBlocks(withText(long), withText(long).slice(1))).toBe(false);
  });
});

describe('sameBlockOutline', () => {
  const paper = (...paragraphs: [string, string][]) =>
    paperSchema().nodeFromJSON({
      type: 'doc',
      content: paragraphs.map(([id, text]) => ({
        type: 'paragraph',
        attrs: { id },
        ...(text ? { content: [{ type: 'text', text }] } : {}),
      })),
    });
  const long = 'Gemeenten kopen samen in waar dat de kwaliteit van de dienstverlening verbetert';

  it('sees typing past the excerpt as the same outline', () => {
    expect(sameBlockOutline(paper(['a', long]), paper(['a', `${long}, zo`]))).toBe(true);
  });

  it('sees a new excerpt, a filled empty block, another id or another count as a change', () => {
    expect(sameBlockOutline(paper(['a', 'Kort']), paper(['a', 'Korter']))).toBe(false);
    expect(sameBlockOutline(paper(['a', long], ['b', '']), paper(['a', long], ['b', 'x']))).toBe(
      false,
    );
    expect(sameBlockOutline(paper(['a', long]), paper(['b', long]))).toBe(false);
    expect(sameBlockOutline(paper(['a', long]), paper(['a', long], ['b', '']))).toBe(false);
  });
});
