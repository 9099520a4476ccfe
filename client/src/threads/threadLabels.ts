/** How threads and blocks are named in the sidebar. */
import { organisationName, WHOLE_PAPER, type Thread } from '@standpunt/shared';
import type { TranslateFn } from '../i18n/useT';
import type { LiveBlock } from './liveBlocks';

const EXCERPT = 60;

export function excerpt(text: string, length = EXCERPT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

/** "Alinea 3", "Kop § 1.2", "Het hele stuk". */
export function blockLabel(
  blockId: string,
  blocks: ReadonlyMap<string, LiveBlock>,
  t: TranslateFn,
): string {
  if (blockId === WHOLE_PAPER) return t('threads.block.wholePaper');
  const block = blocks.get(blockId);
  if (!block) return t('threads.block.removed');
  if (!block.citation) return t('threads.block.uncited');
  return block.citation.startsWith('§')
    ? t('threads.block.section', { citation: block.citation })
    : t('threads.block.cited', { citation: block.citation });
}

/** The name of a thread's card: "Tekstvoorstel van Rotterdam: Formeler." */
export function threadTitle(thread: Thread, t: TranslateFn): string {
  return t('threads.card.show', {
    kind: t(`threads.kind.${thread.kind}`),
    organisation: organisationName(thread.author.municipality),
    excerpt: excerpt(thread.body),
  });
}
