import type { Draft } from '@standpunt/shared';
import { documentBlocks, type Block, type Inline } from './documentBlocks.js';
import { draftMetadata } from './draftMetadata.js';
import { escapeHtml } from './escapeHtml.js';
import { PRINT_CSS } from './printCss.js';

export function inlineHtml(inlines: readonly Inline[]): string {
  return inlines
    .map((inline) => {
      if (inline.type === 'break') return '<br>';
      let html = escapeHtml(inline.text);
      if (inline.bold) html = `<strong>${html}</strong>`;
      if (inline.italic) html = `<em>${html}</em>`;
      if (inline.href) html = `<a href="${escapeHtml(inline.href)}">${html}</a>`;
      return html;
    })
    .join('');
}

function blockHtml(block: Block, headingPrefix = ''): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${inlineHtml(block.inlines)}</p>`;
    case 'heading': {
      // h1 is the paper's title in the header, so the text's headings start at h2.
      const tag = `h${block.level + 1}`;
      return `<${tag}>${headingPrefix}${inlineHtml(block.inlines)}</${tag}>`;
    }
    case 'list': {
      const items = block.items
        .map((item) => `<li>${item.map((child) => blockHtml(child)).join('')}</li>`)
        .join('');
      if (!block.ordered) return `<ul>${items}</ul>`;
      return block.start === 1 ? `<ol>${items}</ol>` : `<ol start="${block.start}">${items}</ol>`;
    }
    case 'blockquote':
      return `<blockquote>${block.children.map((child) => blockHtml(child)).join('')}</blockquote>`;
  }
}

/** The metadata header as a definition list, shared with the reactienota. */
export function metadataHtml(title: string, rows: ReadonlyArray<[string, string]>): string {
  const items = rows
    .map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('\n');
  return `<header class="metadata">\n<h1>${escapeHtml(title)}</h1>\n<dl class="meta">\n${items}\n</dl>\n</header>`;
}

/** A standalone HTML page around `body`, with the print styles. */
export function htmlPage(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="nl">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${PRINT_CSS}\n</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * A draft as one standalone, printable HTML page: a metadata header, then every block with
 * its number (sections before their heading text, paragraphs in a margin column). Built only
 * from the draft, so it is byte-identical every time.
 */
export function draftHtml(draft: Draft): string {
  const blocks = documentBlocks(draft).map(({ block, numbered }) => {
    const id = numbered.id ? ` id="blok-${escapeHtml(numbered.id)}"` : '';
    const number = numbered.number === null ? '' : escapeHtml(numbered.number);
    const data = number ? ` data-number="${number}"` : '';
    if (block.type === 'heading') {
      const prefix = number ? `<span class="number">${number}</span> ` : '';
      return `<section class="heading"${id}${data}>${blockHtml(block, prefix)}</section>`;
    }
    return (
      `<section class="block ${block.type}"${id}${data}>` +
      `<span class="number">${number}</span><div class="body">${blockHtml(block)}</div></section>`
    );
  });
  const title = `${draft.title} — versie ${draft.number}`;
  return htmlPage(
    title,
    `${metadataHtml(draft.title, draftMetadata(draft))}\n<main>\n${blocks.join('\n')}\n</main>`,
  );
}
