import { formatMoment } from '../exports/draftMetadata.js';
import type { Reactienota } from './buildReactienota.js';

/** The header rows of every reactienota format. */
export function notaMetadata(nota: Reactienota): Array<[string, string]> {
  const { draft, paper } = nota;
  return [
    ['Thema', paper.theme],
    ['Fase van het positionpaper', paper.phase],
    ['Op basis van versie', `${draft.number} — ${draft.label} (fase ${draft.phase})`],
    ['Versie vastgelegd op', `${formatMoment(draft.frozenAt)} (${draft.frozenAt})`],
    ['SHA-256 van de versie', draft.sha256],
  ];
}

/** All sections in reading order: paragraphs, the paper as a whole, the rest, the orphans. */
export function notaSections(nota: Reactienota) {
  return [...nota.paragraphs, nota.wholePaper, nota.notInDraft, nota.orphaned];
}
