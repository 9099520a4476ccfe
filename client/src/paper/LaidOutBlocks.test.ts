import { paperSchema } from '@standpunt/shared';
import { AllSelection, EditorState, TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { reachableBlockIndexes } from './LaidOutBlocks';

const paragraph = (id: string, text: string) => ({
  type: 'paragraph',
  attrs: { id },
  content: [{ type: 'text', text }],
});

// Seven top-level blocks; each paragraph takes 4 positions ("Xy" + open and close), the list at
// index 3 takes 8: blocks start at 0, 4, 8, 12, 20, 24 and 28.
const doc = paperSchema().nodeFromJSON({
  type: 'doc',
  content: [
    paragraph('a', 'Aa'),
    paragraph('b', 'Bb'),
    paragraph('c', 'Cc'),
    { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('d', 'Dd')] }] },
    paragraph('e', 'Ee'),
    paragraph('f', 'Ff'),
    paragraph('g', 'Gg'),
  ],
});

function at(anchor: number, head = anchor): EditorState {
  return EditorState.create({ doc, selection: TextSelection.create(doc, anchor, head) });
}

describe('reachableBlockIndexes', () => {
  it('names the block with the caret, its neighbours, and the first and last block', () => {
    // Position 10 is inside "Cc", the third block.
    expect(reachableBlockIndexes(at(10))).toEqual([0, 1, 2, 3, 6]);
  });

  it('finds the top-level block of a caret inside a list', () => {
    // "Dd" starts at 15, inside the list's item.
    expect(reachableBlockIndexes(at(15))).toEqual([0, 2, 3, 4, 6]);
  });

  it('covers both ends of a range', () => {
    expect(reachableBlockIndexes(at(6, 26))).toEqual([0, 1, 2, 4, 5, 6]);
  });

  it('stays within the paper at its first and last block', () => {
    expect(reachableBlockIndexes(at(1))).toEqual([0, 1, 6]);
    const all = EditorState.create({ doc, selection: new AllSelection(doc) });
    expect(reachableBlockIndexes(all)).toEqual([0, 1, 5, 6]);
  });
});
