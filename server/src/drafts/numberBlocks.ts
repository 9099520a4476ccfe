import { BLOCK_ID_ATTRIBUTE, type NumberedBlock, type PmNodeJson } from '@standpunt/shared';

/** Headings deeper than this are numbered as the deepest level. */
const MAX_SECTION_DEPTH = 3;

function hasText(node: PmNodeJson): boolean {
  if (node.type === 'text') return (node.text ?? '').trim().length > 0;
  return (node.content ?? []).some(hasText);
}

/**
 * Numbers the top-level blocks of a document: paragraphs, lists and quotes 1, 2, 3 …;
 * headings as sections by level (1, 1.1, 1.1.1). Blocks without text get no number, so a blank
 * line never shifts the numbers people cite. A heading below a missing level counts that
 * level as 0 (`0.1`), rather than borrowing a number from another section.
 */
export function numberBlocks(doc: PmNodeJson): NumberedBlock[] {
  let paragraphs = 0;
  const sections = new Array<number>(MAX_SECTION_DEPTH).fill(0);
  return (doc.content ?? []).map((block) => {
    const rawId = block.attrs?.[BLOCK_ID_ATTRIBUTE];
    const id = typeof rawId === 'string' && rawId.length > 0 ? rawId : null;
    let number: string | null = null;
    if (hasText(block)) {
      if (block.type === 'heading') {
        const level = Math.min(MAX_SECTION_DEPTH, Math.max(1, Number(block.attrs?.level) || 1));
        sections[level - 1] = (sections[level - 1] ?? 0) + 1;
        sections.fill(0, level);
        number = sections.slice(0, level).join('.');
      } else {
        number = String(++paragraphs);
      }
    }
    return { id, kind: block.type, number };
  });
}
