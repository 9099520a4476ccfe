import { HttpError } from '../http/HttpError.js';
import type { DraftService } from '../drafts/DraftService.js';
import type { PaperRecord } from '../storage/MetaStore.js';
import type { PaperDocs } from '../threads/ThreadService.js';
import { buildReactienota, type Reactienota } from './buildReactienota.js';
import { loadResponses, type PaperResponses } from './loadResponses.js';

/** Gathers what a reactienota or an archive is made of. */
export class ReactienotaService {
  constructor(
    private readonly papers: PaperDocs,
    private readonly drafts: DraftService,
  ) {}

  responses(paperId: string): Promise<PaperResponses> {
    return loadResponses(this.papers, paperId);
  }

  /**
   * The reactienota on the latest consultation draft (or the latest draft); null when the
   * paper has no draft to number its paragraphs by.
   */
  async build(paper: PaperRecord, responses?: PaperResponses): Promise<Reactienota | null> {
    const draft = await this.drafts.consultationDraft(paper.id);
    if (!draft) return null;
    const { id, title, theme, phase } = paper;
    return buildReactienota(
      { id, title, theme, phase },
      draft,
      responses ?? (await this.responses(paper.id)),
    );
  }

  /** As {@link build}, with 409 when there is no draft yet. */
  async require(paper: PaperRecord): Promise<Reactienota> {
    const nota = await this.build(paper);
    if (!nota) {
      throw new HttpError(
        'conflict',
        'Er is nog geen versie vastgelegd. De reactienota volgt de nummering van de ' +
          'consultatieversie: leg eerst een versie vast.',
      );
    }
    return nota;
  }
}
