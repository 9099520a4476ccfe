import {
  initProseMirrorDoc,
  prosemirrorJSONToYXmlFragment,
  updateYFragment,
} from '@tiptap/y-tiptap';
import { Fragment, Slice, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CONTENT_FRAGMENT, paperSchema } from '@standpunt/shared';
import { blockText } from '../../test/contentHelpers.js';
import { inspectUpdate, RefusedUpdate } from './inspectUpdate.js';
import { validateContentUpdate } from './validateContentUpdate.js';

const schema = paperSchema();

/** A paper with every node and mark of the schema, as the editor stores it. */
const RICH_PAPER = {
  type: 'doc',
  content: [
    {
      type: 'heading',
      attrs: { id: 'b-kop', level: 2 },
      content: [{ type: 'text', text: 'Inleiding' }],
    },
    {
      type: 'paragraph',
      attrs: { id: 'b-een' },
      content: [
        { type: 'text', text: 'Gemeenten ' },
        { type: 'text', text: 'kopen', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' samen', marks: [{ type: 'italic' }] },
        { type: 'hardBreak' },
        {
          type: 'text',
          text: 'in',
          marks: [{ type: 'link', attrs: { href: 'https://vng.nl', target: '_blank' } }],
        },
        {
          type: 'text',
          text: ' of mail',
          marks: [{ type: 'link', attrs: { href: 'mailto:info@vng.nl' } }],
        },
      ],
    },
    {
      type: 'bulletList',
      attrs: { id: 'b-lijst' },
      content: [
        {
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'een' }] }],
        },
      ],
    },
    {
      type: 'orderedList',
      attrs: { id: 'b-stappen', start: 3, type: null },
      content: [
        {
          type: 'listItem',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'stap' }] },
            {
              type: 'bulletList',
              content: [
                {
                  type: 'listItem',
                  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'sub' }] }],
                },
              ],
            },
          ],
        },
      ],
    },
    {
      type: 'blockquote',
      attrs: { id: 'b-citaat' },
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'citaat' }] }],
    },
  ],
};

function richPaper(): Y.Doc {
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(schema, RICH_PAPER, doc.getXmlFragment(CONTENT_FRAGMENT));
  return doc;
}

/**
 * Makes `change` on a copy of `base` (as a client would) and checks the resulting update
 * against `base` (as the server would).
 */
function check(base: Y.Doc, change: (client: Y.Doc) => void): () => void {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(client);
  client.transact(() => change(client));
  const update = Y.encodeStateAsUpdate(client, before);
  return () => validateContentUpdate(inspectUpdate(base, update));
}

/** Changes the paper the way the editor does: a new ProseMirror doc, written by y-tiptap. */
function edit(client: Y.Doc, change: (doc: ProseMirrorNode) => ProseMirrorNode): void {
  const fragment = client.getXmlFragment(CONTENT_FRAGMENT);
  const { doc, meta } = initProseMirrorDoc(fragment, schema);
  updateYFragment(client, fragment, change(doc), meta);
}

function paragraphWith(client: Y.Doc, ...children: Array<Y.XmlElement | Y.XmlText>): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, children);
  client.getXmlFragment(CONTENT_FRAGMENT).push([paragraph]);
}

function textWith(text: string, attributes: Record<string, unknown>): Y.XmlText {
  const node = new Y.XmlText();
  node.insert(0, text, attributes);
  return node;
}

describe('validateContentUpdate accepts what the editor writes', () => {
  it('a whole paper with every node and mark, into an empty doc', () => {
    expect(
      check(new Y.Doc(), (client) => {
        prosemirrorJSONToYXmlFragment(schema, RICH_PAPER, client.getXmlFragment(CONTENT_FRAGMENT));
      }),
    ).not.toThrow();
  });

  it.each<[string, (doc: ProseMirrorNode) => ProseMirrorNode]>([
    ['typing', (doc) => doc.replace(3, 3, new Slice(Fragment.from(schema.text('x')), 0, 0))],
    [
      'a new heading with an id',
      (doc) =>
        doc.copy(
          doc.content.addToStart(
            schema.nodes.heading!.create({ id: 'b-nieuw', level: 3 }, schema.text('Nieuw')),
          ),
        ),
    ],
    ['deleting a block', (doc) => doc.copy(doc.content.cut(doc.child(0).nodeSize))],
    [
      'bold, a link and a level change on the first block',
      (doc) => {
        const heading = doc.child(0);
        const marked = schema.text(heading.textContent, [
          schema.marks.bold!.create(),
          schema.marks.link!.create({ href: 'http://example.org' }),
        ]);
        return doc.copy(
          doc.content.replaceChild(0, heading.type.create({ ...heading.attrs, level: 1 }, marked)),
        );
      },
    ],
  ])('%s', (_, change) => {
    const base = richPaper();
    expect(check(base, (client) => edit(client, change))).not.toThrow();
  });

  it('text written into a block as the test helpers do, with marks as y-prosemirror stores them', () => {
    const base = richPaper();
    expect(check(base, (client) => blockText(client, 1).insert(0, 'Voor'))).not.toThrow();
    expect(
      check(base, (client) => {
        blockText(client, 1).format(0, 4, { bold: {}, italic: true });
        blockText(client, 1).format(0, 2, { bold: null });
        blockText(client, 1).insert(0, 'x', { 'bold--AbCd1234': {} });
      }),
    ).not.toThrow();
  });

  it('deletions of anything, attributes removed', () => {
    const base = richPaper();
    expect(
      check(base, (client) => client.getXmlFragment(CONTENT_FRAGMENT).delete(0, 3)),
    ).not.toThrow();
    expect(
      check(base, (client) =>
        (client.getXmlFragment(CONTENT_FRAGMENT).get(0) as Y.XmlElement).removeAttribute('id'),
      ),
    ).not.toThrow();
  });
});

describe('validateContentUpdate refuses what is outside the paper schema', () => {
  it.each<[string, (client: Y.Doc) => void]>([
    ['an element with no node: script', (c) => paragraphWith(c, new Y.XmlElement('script'))],
    [
      'an element with no node: image',
      (c) => c.getXmlFragment(CONTENT_FRAGMENT).push([new Y.XmlElement('image')]),
    ],
    [
      'text at the top level',
      (c) => c.getXmlFragment(CONTENT_FRAGMENT).push([new Y.XmlText('los')]),
    ],
    [
      'a list item at the top level',
      (c) => c.getXmlFragment(CONTENT_FRAGMENT).push([new Y.XmlElement('listItem')]),
    ],
    ['a paragraph inside a paragraph', (c) => paragraphWith(c, new Y.XmlElement('paragraph'))],
    [
      'the doc node as a block',
      (c) => c.getXmlFragment(CONTENT_FRAGMENT).push([new Y.XmlElement('doc')]),
    ],
    [
      'heading level 7',
      (c) =>
        (c.getXmlFragment(CONTENT_FRAGMENT).get(0) as Y.XmlElement).setAttribute(
          'level',
          7 as never,
        ),
    ],
    [
      'heading level as text',
      (c) => (c.getXmlFragment(CONTENT_FRAGMENT).get(0) as Y.XmlElement).setAttribute('level', '2'),
    ],
    [
      'an unknown attribute',
      (c) =>
        (c.getXmlFragment(CONTENT_FRAGMENT).get(1) as Y.XmlElement).setAttribute('onclick', 'x()'),
    ],
    [
      'an attribute of another node (level on a paragraph)',
      (c) =>
        (c.getXmlFragment(CONTENT_FRAGMENT).get(1) as Y.XmlElement).setAttribute(
          'level',
          1 as never,
        ),
    ],
    ['an attribute on text', (c) => blockText(c, 1).setAttribute('style', 'x')],
    ['a format that is no mark', (c) => blockText(c, 1).format(0, 3, { underline: true })],
    ['a format with a style', (c) => blockText(c, 1).insert(0, 'x', { style: 'color: red' })],
    [
      'a link to javascript:',
      (c) => blockText(c, 1).format(0, 3, { link: { href: 'javascript:alert(1)' } }),
    ],
    [
      'a link to java\\tscript:',
      (c) => blockText(c, 1).format(0, 3, { link: { href: 'java\tscript:alert(1)' } }),
    ],
    [
      'a link to data:',
      (c) => paragraphWith(c, textWith('x', { link: { href: 'data:text/html,<script>' } })),
    ],
    ['a link without href', (c) => blockText(c, 1).format(0, 3, { link: true })],
    [
      'a link with an unknown attribute',
      (c) => blockText(c, 1).format(0, 3, { link: { href: 'https://vng.nl', onclick: 'x()' } }),
    ],
    ['an embed in text', (c) => blockText(c, 1).insertEmbed(0, { image: 'x' })],
    ['a root other than the content fragment: text', (c) => c.getText('t').insert(0, 'x')],
    ['a root other than the content fragment: map', (c) => c.getMap('script').set('a', 1)],
    [
      'an unknown element inside a paragraph',
      (c) =>
        (c.getXmlFragment(CONTENT_FRAGMENT).get(1) as Y.XmlElement).push([new Y.XmlElement('x')]),
    ],
    [
      'a map inside a paragraph',
      (c) =>
        (c.getXmlFragment(CONTENT_FRAGMENT).get(1) as Y.XmlElement).push([new Y.Map() as never]),
    ],
  ])('%s', (_, change) => {
    expect(check(richPaper(), change)).toThrow(RefusedUpdate);
  });
});
