import { describe, expect, it } from 'vitest';
import type { PmNodeJson } from '@standpunt/shared';
import { numberBlocks } from './numberBlocks.js';

const text = (value: string): PmNodeJson[] => [{ type: 'text', text: value }];
const heading = (id: string, level: number): PmNodeJson => ({
  type: 'heading',
  attrs: { id, level },
  content: text(id),
});
const paragraph = (id: string, value = id): PmNodeJson => ({
  type: 'paragraph',
  attrs: { id },
  ...(value ? { content: text(value) } : {}),
});

describe('numberBlocks', () => {
  it('numbers paragraphs straight through and headings as sections', () => {
    const doc: PmNodeJson = {
      type: 'doc',
      content: [
        heading('h1', 1),
        paragraph('p1'),
        heading('h2', 2),
        paragraph('p2'),
        heading('h3', 3),
        {
          type: 'bulletList',
          attrs: { id: 'l1' },
          content: [{ type: 'listItem', content: [paragraph('x', 'item')] }],
        },
        heading('h4', 2),
        { type: 'blockquote', attrs: { id: 'q1' }, content: [paragraph('y', 'quote')] },
        heading('h5', 1),
        heading('h6', 2),
      ],
    };
    expect(numberBlocks(doc).map((b) => [b.id, b.number])).toEqual([
      ['h1', '1'],
      ['p1', '1'],
      ['h2', '1.1'],
      ['p2', '2'],
      ['h3', '1.1.1'],
      ['l1', '3'],
      ['h4', '1.2'],
      ['q1', '4'],
      ['h5', '2'],
      ['h6', '2.1'],
    ]);
  });

  it('gives empty blocks no number and keeps counting after them', () => {
    const doc: PmNodeJson = {
      type: 'doc',
      content: [paragraph('a'), paragraph('empty', ''), paragraph('b')],
    };
    expect(numberBlocks(doc).map((b) => b.number)).toEqual(['1', null, '2']);
  });

  it('counts a missing parent level as 0', () => {
    const doc: PmNodeJson = { type: 'doc', content: [heading('x', 2), heading('y', 3)] };
    expect(numberBlocks(doc).map((b) => b.number)).toEqual(['0.1', '0.1.1']);
  });
});
