import type { Draft } from '@standpunt/shared';
import { documentBlocks, type Block, type Inline } from './documentBlocks.js';
import { draftMetadata } from './draftMetadata.js';

/**
 * Escapes users' text so Markdown reads it as text: inline syntax everywhere, and at the start
 * of a line whatever would begin a heading, list, quote or rule.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>#|~!]/g, '\\$&')
    .replace(/^(\s*)([-+=])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

function inlineMarkdown(inlines: readonly Inline[]): string {
  return inlines
    .map((inline) => {
      // A backslash before the line end is a hard break (CommonMark).
      if (inline.type === 'break') return '\\\n';
      let md = escapeMarkdown(inline.text);
      if (inline.bold) md = `**${md}**`;
      if (inline.italic) md = `*${md}*`;
      if (inline.href) md = `[${md}](<${encodeURI(decodeSafely(inline.href))}>)`;
      return md;
    })
    .join('');
}

/** Decodes percent-escapes when they are valid, so encodeURI does not double them. */
function decodeSafely(href: string): string {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line, index) => (index === 0 ? prefix : ' '.repeat(prefix.length)) + line)
    .join('\n');
}

function blockMarkdown(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return inlineMarkdown(block.inlines);
    case 'heading':
      return `${'#'.repeat(block.level + 1)} ${inlineMarkdown(block.inlines)}`;
    case 'list':
      return block.items
        .map((item, index) => {
          const marker = block.ordered ? `${block.start + index}. ` : '- ';
          return indent(item.map(blockMarkdown).join('\n\n'), marker);
        })
        .join('\n');
    case 'blockquote':
      return block.children
        .map(blockMarkdown)
        .join('\n\n')
        .split('\n')
        .map((line) => (line ? `> ${line}` : '>'))
        .join('\n');
  }
}

/**
 * A draft as Markdown: the title, the metadata as a list, then every block with its number
 * (`## 1.2 Heading`, `**3.** Paragraph`). Byte-identical for one draft every time.
 */
export function draftMarkdown(draft: Draft): string {
  const meta = draftMetadata(draft)
    .map(([label, value]) => `- **${label}:** ${escapeMarkdown(value)}`)
    .join('\n');
  const blocks = documentBlocks(draft).map(({ block, numbered }) => {
    const number = numbered.number;
    if (block.type === 'heading') {
      const text = inlineMarkdown(block.inlines);
      return `${'#'.repeat(block.level + 1)} ${number ? `${number} ` : ''}${text}`;
    }
    const body = blockMarkdown(block);
    if (number === null) return body;
    // A number alone before a list or quote, so their own syntax still starts its line.
    return block.type === 'paragraph' ? `**${number}.** ${body}` : `**${number}.**\n\n${body}`;
  });
  return `# ${escapeMarkdown(draft.title)}\n\n${meta}\n\n---\n\n${blocks.filter(Boolean).join('\n\n')}\n`;
}
