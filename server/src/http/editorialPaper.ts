import type { Request } from 'express';
import type { MetaStore } from '../storage/MetaStore.js';
import { HttpError } from './HttpError.js';
import { readablePaper, type PaperAccess } from './paperAccess.js';

/**
 * The paper, if the caller is one of its editors or an admin — in every phase, since a closed
 * paper's reactienota and archive are still needed. Other readers get 403: the reactienota
 * names every municipality's unprocessed responses, which editors publish when they are ready.
 */
export async function editorialPaper(
  meta: MetaStore,
  req: Request<{ id: string }>,
): Promise<PaperAccess> {
  const access = await readablePaper(meta, req);
  if (!access.actor.admin && access.actor.role !== 'editor') {
    throw new HttpError(
      'forbidden',
      'Alleen redacteuren van dit positionpaper en beheerders kunnen dit opvragen.',
    );
  }
  return access;
}
