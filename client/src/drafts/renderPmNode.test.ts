import type { PmNodeJson } from '@standpunt/shared';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { headingLevel, renderPmNode } from './renderPmNode';

const text = (value: string, ...marks: PmNodeJson['marks'] & object): PmNodeJson => ({
  type: 'text',
  text: value,
  ...(marks.length ? { marks } : {}),
});
const html = (node: PmNodeJson, offset = 0) =>
  renderToStaticMarkup(createElement('div', null, renderPmNode(node, { headingOffset: offset })));

describe('renderPmNode', () => {
  it('renders the blocks of the paper schema', () => {
    const doc: PmNodeJson = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [text('Kop')] },
        { type: 'paragraph', content: [text('Een'), { type: 'hardBreak' }, text('twee')] },
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('a')] }] }],
        },
        {
          type: 'orderedList',
          attrs: { start: 3 },
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('b')] }] }],
        },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [text('citaat')] }] },
      ],
    };
    expect(html(doc)).toBe(
      '<div><h2>Kop</h2><p>Een<br/>twee</p><ul><li><p>a</p></li></ul>' +
        '<ol start="3"><li><p>b</p></li></ol><blockquote><p>citaat</p></blockquote></div>',
    );
  });

  it('moves headings below the page’s own, up to h6', () => {
    expect(html({ type: 'heading', attrs: { level: 1 }, content: [text('K')] }, 2)).toBe(
      '<div><h3>K</h3></div>',
    );
    expect(headingLevel(3, 2)).toBe(5);
    expect(headingLevel(9, 5)).toBe(6);
    expect(headingLevel('x', 0)).toBe(1);
  });

  it('renders bold, italic and safe links', () => {
    const node: PmNodeJson = {
      type: 'paragraph',
      content: [
        text('vet', { type: 'bold' }),
        text(' en '),
        text('schuin', { type: 'italic' }, { type: 'bold' }),
        text('site', { type: 'link', attrs: { href: 'https://vng.nl' } }),
        text('mail', { type: 'link', attrs: { href: 'mailto:a@b.nl' } }),
      ],
    };
    expect(html(node)).toBe(
      '<div><p><strong>vet</strong> en <strong><em>schuin</em></strong>' +
        '<a href="https://vng.nl" rel="noopener noreferrer nofollow">site</a>' +
        '<a href="mailto:a@b.nl" rel="noopener noreferrer nofollow">mail</a></p></div>',
    );
  });

  it('never links to a script, and escapes text', () => {
    const node: PmNodeJson = {
      type: 'paragraph',
      content: [
        text('klik', { type: 'link', attrs: { href: 'javascript:alert(1)' } }),
        text('<script>x</script>'),
      ],
    };
    expect(html(node)).toBe('<div><p>klik&lt;script&gt;x&lt;/script&gt;</p></div>');
  });

  it('keeps the text of nodes outside the schema', () => {
    const node: PmNodeJson = { type: 'codeBlock', content: [text('code')] };
    expect(html(node)).toBe('<div>code</div>');
  });

  it('puts a prefix first inside the element', () => {
    const node: PmNodeJson = { type: 'heading', attrs: { level: 1 }, content: [text('Doel')] };
    const markup = renderToStaticMarkup(
      createElement('div', null, renderPmNode(node, { prefix: '§ 1 ' })),
    );
    expect(markup).toBe('<div><h1>§ 1 Doel</h1></div>');
  });
});
