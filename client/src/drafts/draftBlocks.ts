import { blockCitation, type Draft, type PmNodeJson } from '@standpunt/shared';

/** One top-level block of a draft, with the number people cite it by. */
export interface DraftBlock {
  /** For React: unique within the draft, even if two blocks somehow share an id. */
  key: string;
  node: PmNodeJson;
  kind: string;
  /** `3` for a paragraph, `1.2` for a section; null for an empty block. */
  number: string | null;
  /** `3` or `§ 1.2`, as threads and the reactienota cite the block. */
  citation: string | null;
  /** The element id the block can be linked to by (`alinea-3`, `kop-1.2`), or null. */
  anchor: string | null;
}

function blockId(node: PmNodeJson): string | null {
  const id = node.attrs?.id;
  return typeof id === 'string' && id.length > 0 ? id : null;
}

/**
 * The draft's top-level blocks with their numbers. The server writes one numbering entry per
 * block in document order; an entry is used only when it names the same block, so a draft
 * whose numbering somehow disagrees with its content shows no wrong numbers.
 */
export function draftBlocks(draft: Pick<Draft, 'content' | 'numbering'>): DraftBlock[] {
  return (draft.content.content ?? []).map((node, index) => {
    const id = blockId(node);
    const entry = draft.numbering[index];
    const number = entry && (entry.id === null || entry.id === id) ? entry.number : null;
    const citation = blockCitation({ kind: node.type, number });
    const anchor =
      number === null ? null : node.type === 'heading' ? `kop-${number}` : `alinea-${number}`;
    return { key: `${index}:${id ?? ''}`, node, kind: node.type, number, citation, anchor };
  });
}
