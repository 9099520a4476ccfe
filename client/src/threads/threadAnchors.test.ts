import { CONTENT_FRAGMENT, paperSchema } from '@standpunt/shared';
import type { Node as PmNode } from '@tiptap/pm/model';
import { initProseMirrorDoc, prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeAnchor, placeThread, type ContentRef } from './threadAnchors';
import { testThread } from './testThreads';

const TEXT = 'Gemeenten kopen samen in via één centraal loket.';

function contentDoc(): Y.Doc {
  const ydoc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(
    paperSchema(),
    {
      type: 'doc',
      content: [
        {
          type: 'heading',
          attrs: { level: 1, id: 'h' },
          content: [{ type: 'text', text: 'Inkoop' }],
        },
        { type: 'paragraph', attrs: { id: 'p' }, content: [{ type: 'text', text: TEXT }] },
      ],
    },
    ydoc.getXmlFragment(CONTENT_FRAGMENT),
  );
  return ydoc;
}

/** The content as the editor would see it now, with a current mapping (as y-tiptap keeps it). */
function view(ydoc: Y.Doc): { content: ContentRef; doc: PmNode } {
  const fragment = ydoc.getXmlFragment(CONTENT_FRAGMENT);
  const { doc, mapping } = initProseMirrorDoc(fragment, paperSchema());
  return { doc, content: { ydoc, fragment, mapping, size: doc.content.size } };
}

function rangeOf(doc: PmNode, text: string): { from: number; to: number } {
  let from = -1;
  doc.descendants((node, pos) => {
    if (from < 0 && node.isText && node.text?.includes(text)) from = pos + node.text.indexOf(text);
    return from < 0;
  });
  if (from < 0) throw new Error(`"${text}" not found`);
  return { from, to: from + text.length };
}

function paragraphText(ydoc: Y.Doc): Y.XmlText {
  const paragraph = ydoc.getXmlFragment(CONTENT_FRAGMENT).get(1) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

function quotedNow(ydoc: Y.Doc, thread: ReturnType<typeof testThread>): string | null {
  const { content, doc } = view(ydoc);
  const placement = placeThread(content, thread);
  return placement.type === 'anchored'
    ? doc.textBetween(placement.from, placement.to, ' ', ' ')
    : null;
}

describe('thread anchors', () => {
  it('follow inserts and deletes around the quoted text', () => {
    const ydoc = contentDoc();
    const { content, doc } = view(ydoc);
    const { from, to } = rangeOf(doc, 'één centraal loket');
    const thread = testThread({
      anchor: encodeAnchor(content, from, to),
      quote: 'één centraal loket',
    });

    const text = paragraphText(ydoc);
    text.insert(0, 'Vanaf 2027: ');
    text.delete(text.toString().indexOf(' samen'), ' samen'.length);
    text.insert(text.length - 1, ' voor inwoners');

    expect(quotedNow(ydoc, thread)).toBe('één centraal loket');
  });

  it('orphan a thread whose text was deleted, even when look-alike text comes back', () => {
    const ydoc = contentDoc();
    const { content, doc } = view(ydoc);
    const { from, to } = rangeOf(doc, 'centraal');
    const thread = testThread({ anchor: encodeAnchor(content, from, to), quote: 'centraal' });

    const text = paragraphText(ydoc);
    text.delete(text.toString().indexOf('één centraal loket'), 'één centraal loket'.length);
    text.insert(text.toString().indexOf('.'), 'een centraal punt');

    expect(placeThread(view(ydoc).content, thread)).toEqual({ type: 'orphaned' });
  });

  it('orphan a thread whose whole paragraph was deleted', () => {
    const ydoc = contentDoc();
    const { content, doc } = view(ydoc);
    const { from, to } = rangeOf(doc, 'samen');
    const thread = testThread({ anchor: encodeAnchor(content, from, to), quote: 'samen' });
    ydoc.getXmlFragment(CONTENT_FRAGMENT).delete(1, 1);
    expect(placeThread(view(ydoc).content, thread)).toEqual({ type: 'orphaned' });
  });

  it('keep an insertion point (empty quote) anchored', () => {
    const ydoc = contentDoc();
    const { content, doc } = view(ydoc);
    const { from } = rangeOf(doc, 'loket');
    const thread = testThread({
      kind: 'suggestion',
      anchor: encodeAnchor(content, from, from),
      quote: '',
      replacement: 'digitaal ',
    });
    paragraphText(ydoc).insert(0, 'Nu: ');
    const placement = placeThread(view(ydoc).content, thread);
    expect(placement).toEqual({ type: 'anchored', from: from + 4, to: from + 4 });
  });

  it('place a thread without anchor on the paper, and a malformed anchor apart', () => {
    const { content } = view(contentDoc());
    expect(placeThread(content, testThread())).toEqual({ type: 'paper' });
    const broken = testThread({ anchor: { from: '!!', to: 'AAAA' }, quote: 'x' });
    expect(placeThread(content, broken)).toEqual({ type: 'orphaned' });
  });

  it('keep overlapping anchors on the same text apart', () => {
    const ydoc = contentDoc();
    const { content, doc } = view(ydoc);
    const a = rangeOf(doc, 'centraal loket');
    const b = rangeOf(doc, 'één centraal');
    const first = testThread({
      anchor: encodeAnchor(content, a.from, a.to),
      quote: 'centraal loket',
    });
    const second = testThread({
      anchor: encodeAnchor(content, b.from, b.to),
      quote: 'één centraal',
    });
    expect(quotedNow(ydoc, first)).toBe('centraal loket');
    expect(quotedNow(ydoc, second)).toBe('één centraal');
  });
});
