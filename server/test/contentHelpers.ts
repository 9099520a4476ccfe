/** Reading and writing a paper's rich text from a test client, as the editor would. */
import { absolutePositionToRelativePosition, initProseMirrorDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { CONTENT_FRAGMENT, paperSchema, type ThreadAnchor } from '@standpunt/shared';

/** The plain text of every top-level block. */
export function blockTexts(ydoc: Y.Doc): string[] {
  const { doc } = initProseMirrorDoc(ydoc.getXmlFragment(CONTENT_FRAGMENT), paperSchema());
  const texts: string[] = [];
  doc.forEach((block) => texts.push(block.textContent));
  return texts;
}

/** The Y.XmlText of the top-level block at `index`, created when the block is still empty. */
export function blockText(ydoc: Y.Doc, index: number): Y.XmlText {
  const block = ydoc.getXmlFragment(CONTENT_FRAGMENT).get(index) as Y.XmlElement;
  const first = block.get(0);
  if (first instanceof Y.XmlText) return first;
  const text = new Y.XmlText();
  block.insert(0, [text]);
  return text;
}

/** Base64 relative positions around the first occurrence of `quote` (or a point before it). */
export function anchorAround(ydoc: Y.Doc, quote: string, collapsed = false): ThreadAnchor {
  const fragment = ydoc.getXmlFragment(CONTENT_FRAGMENT);
  const { doc, mapping } = initProseMirrorDoc(fragment, paperSchema());
  let from = -1;
  doc.descendants((node, pos) => {
    if (from < 0 && node.isText && node.text?.includes(quote))
      from = pos + node.text.indexOf(quote);
    return from < 0;
  });
  if (from < 0) throw new Error(`"${quote}" is not in the document`);
  const to = collapsed ? from : from + quote.length;
  const encode = (pos: number) =>
    Buffer.from(
      Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, fragment, mapping)),
    ).toString('base64');
  return { from: encode(from), to: encode(to) };
}

/**
 * The characters of every top-level paragraph, joined: what the tests typed (headings, such as
 * the title the server puts into a new paper, are left out).
 */
export function paperText(ydoc: Y.Doc): string {
  return ydoc
    .getXmlFragment(CONTENT_FRAGMENT)
    .toArray()
    .map((block) =>
      block instanceof Y.XmlElement && block.nodeName === 'paragraph'
        ? block
            .toArray()
            .map((child) =>
              child instanceof Y.XmlText
                ? (child.toDelta() as Array<{ insert: unknown }>)
                    .map(({ insert }) => (typeof insert === 'string' ? insert : ''))
                    .join('')
                : '',
            )
            .join('')
        : '',
    )
    .join('');
}

/**
 * Types `text` at the end of the paper's last block, as the editor would (one transaction);
 * when that is no paragraph (a heading, a list) or the paper is empty, into a new paragraph
 * after it.
 */
export function appendText(ydoc: Y.Doc, text: string): void {
  const fragment = ydoc.getXmlFragment(CONTENT_FRAGMENT);
  ydoc.transact(() => {
    const last = fragment.length > 0 ? fragment.get(fragment.length - 1) : null;
    if (!(last instanceof Y.XmlElement) || !TEXT_BLOCKS.includes(last.nodeName)) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      fragment.push([paragraph]);
      return;
    }
    const lastChild = last.length > 0 ? last.get(last.length - 1) : null;
    if (lastChild instanceof Y.XmlText) lastChild.insert(lastChild.length, text);
    else last.push([new Y.XmlText(text)]);
  });
}

/** Top-level blocks typed into (a heading is not: see paperText). */
const TEXT_BLOCKS = ['paragraph'];
