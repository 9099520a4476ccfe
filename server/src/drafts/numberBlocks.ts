import {
  BLOCK_ID_ATTRIBUTE,
  BlockNumberer,
  type NumberedBlock,
  type PmNodeJson,
} from '@standpunt/shared';

function hasText(node: PmNodeJson): boolean {
  if (node.type === 'text') return (node.text ?? '').trim().length > 0;
  return (node.content ?? []).some(hasText);
}

/** Numbers the top-level blocks of a document (see {@link BlockNumberer}). */
export function numberBlocks(doc: PmNodeJson): NumberedBlock[] {
  const numberer = new BlockNumberer();
  return (doc.content ?? []).map((block) => {
    const rawId = block.attrs?.[BLOCK_ID_ATTRIBUTE];
    const id = typeof rawId === 'string' && rawId.length > 0 ? rawId : null;
    return {
      id,
      kind: block.type,
      number: numberer.next(block.type, block.attrs?.level, hasText(block)),
    };
  });
}
