/**
 * What patches/@tiptap__y-tiptap@3.0.9.patch is for. Others' typing inside a block must not
 * rebuild every block of the paper: y-tiptap made all blocks anew on every remote change, and
 * the editor then compared, re-read and re-placed all of them. Nor may it make this page send
 * its unchanged cursor again: with twenty people typing, every open page answered every
 * keystroke of everyone else.
 */
import { paperSchema } from '@standpunt/shared';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import {
  initProseMirrorDoc,
  prosemirrorToYXmlFragment,
  yCursorPlugin,
  ySyncPlugin,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';

const schema = paperSchema();

const paragraph = (id: string, text: string) => ({
  type: 'paragraph',
  attrs: { id },
  content: [{ type: 'text', text }],
});

/** Two copies of a three-block paper; what is done elsewhere reaches here at once. */
function sharedPaper(): { here: Y.Doc; elsewhere: Y.Doc } {
  const elsewhere = new Y.Doc();
  const start = schema.nodeFromJSON({
    type: 'doc',
    content: [paragraph('a', 'Eerste.'), paragraph('b', 'Tweede.'), paragraph('c', 'Derde.')],
  });
  prosemirrorToYXmlFragment(start, elsewhere.getXmlFragment('content'));
  const here = new Y.Doc();
  Y.applyUpdate(here, Y.encodeStateAsUpdate(elsewhere));
  elsewhere.on('update', (update: Uint8Array) => Y.applyUpdate(here, update, 'server'));
  return { here, elsewhere };
}

/**
 * The editor's sync and cursor plugins on a stand-in view, focused, that keeps the state and
 * tells the cursor plugin of each update as ProseMirror's view would. (Their DOM parts are not
 * started: there is no DOM here.)
 */
function boundEditor(here: Y.Doc, awareness: Awareness) {
  const fragment = here.getXmlFragment('content');
  const { doc, mapping } = initProseMirrorDoc(fragment, schema);
  const cursorPlugin = yCursorPlugin(awareness);
  const view = {
    state: EditorState.create({
      schema,
      doc,
      plugins: [ySyncPlugin(fragment, { mapping }), cursorPlugin],
    }),
    dom: new EventTarget(),
    hasFocus: () => true,
    dispatch(tr: Transaction) {
      const previous = view.state;
      view.state = view.state.apply(tr);
      cursorView.update?.(view as unknown as EditorView, previous);
    },
  };
  const cursorView = cursorPlugin.spec.view!(view as unknown as EditorView);
  ySyncPluginKey.getState(view.state)!.binding.initView(view);
  return view;
}

const blocks = (doc: ProseMirrorNode) => doc.content.content;

function typeElsewhere(elsewhere: Y.Doc, block: number, at: number, text: string): void {
  const element = elsewhere.getXmlFragment('content').get(block) as Y.XmlElement;
  (element.get(0) as Y.XmlText).insert(at, text);
}

describe("others' edits in the editor's document", () => {
  it('keep the very nodes of the blocks they did not touch', () => {
    const { here, elsewhere } = sharedPaper();
    const view = boundEditor(here, new Awareness(here));
    const before = blocks(view.state.doc);

    typeElsewhere(elsewhere, 1, 6, ' en meer');

    const after = blocks(view.state.doc);
    expect(after.map((block) => block.textContent)).toEqual([
      'Eerste.',
      'Tweede en meer.',
      'Derde.',
    ]);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[2]).toBe(before[2]);
  });

  it('still follow blocks that come and go', () => {
    const { here, elsewhere } = sharedPaper();
    const view = boundEditor(here, new Awareness(here));
    const content = elsewhere.getXmlFragment('content');

    elsewhere.transact(() => {
      content.delete(0, 1);
      const added = new Y.XmlElement('paragraph');
      added.setAttribute('id', 'd');
      added.insert(0, [new Y.XmlText('Vierde.')]);
      content.insert(2, [added]);
    });

    expect(blocks(view.state.doc).map((block) => [block.attrs.id, block.textContent])).toEqual([
      ['b', 'Tweede.'],
      ['c', 'Derde.'],
      ['d', 'Vierde.'],
    ]);
  });

  it('do not make this page send its cursor again when it did not move', () => {
    const { here, elsewhere } = sharedPaper();
    const awareness = new Awareness(here);
    const view = boundEditor(here, awareness);
    // The caret in "Derde.", after "De".
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 21)));
    const sent: unknown[] = [];
    awareness.on('update', (_: unknown, origin: unknown) => sent.push(origin));

    typeElsewhere(elsewhere, 0, 0, 'Nu ');
    expect(blocks(view.state.doc)[0]!.textContent).toBe('Nu Eerste.');
    expect(sent).toEqual([]);

    // A caret that does move is still sent.
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 5)));
    expect(sent).toEqual(['local']);
  });
});
