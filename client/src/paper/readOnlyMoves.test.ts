import { paperSchema } from '@standpunt/shared';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { readOnlyMove } from './readOnlyMoves';

const doc = paperSchema().nodeFromJSON({
  type: 'doc',
  content: [
    { type: 'paragraph', attrs: { id: 'a' }, content: [{ type: 'text', text: 'Eén' }] },
    { type: 'paragraph', attrs: { id: 'b' }, content: [{ type: 'text', text: 'Twee' }] },
  ],
});

function at(anchor: number, head = anchor): EditorState {
  return EditorState.create({ doc, selection: TextSelection.create(doc, anchor, head) });
}

const range = (s: TextSelection | null) => (s ? [s.anchor, s.head] : null);

describe('read-only caret moves', () => {
  it('step by character and across block boundaries', () => {
    expect(range(readOnlyMove(at(1), 'right', false))).toEqual([2, 2]);
    // "Eén" ends at 4; the next text position is the start of "Twee" at 6.
    expect(range(readOnlyMove(at(4), 'right', false))).toEqual([6, 6]);
    expect(range(readOnlyMove(at(6), 'left', false))).toEqual([4, 4]);
    expect(readOnlyMove(at(1), 'left', false)).toBeNull();
  });

  it('extend with Shift and collapse to the side moved to without it', () => {
    expect(range(readOnlyMove(at(2, 3), 'right', true))).toEqual([2, 4]);
    expect(range(readOnlyMove(at(2, 4), 'left', false))).toEqual([2, 2]);
    expect(range(readOnlyMove(at(7), 'home', true))).toEqual([7, 6]);
    expect(range(readOnlyMove(at(7), 'end', false))).toEqual([10, 10]);
  });

  it('select everything', () => {
    expect(range(readOnlyMove(at(2), 'all', false))).toEqual([1, 10]);
  });
});
