import type { Request } from 'express';
import { canManagePaper, canReadPaper, type Actor } from '@standpunt/shared';
import type { MetaStore, PaperRecord, UserRecord } from '../storage/MetaStore.js';
import { PAPER_ID_PATTERN } from '../storage/assertPaperId.js';
import { HttpError } from './HttpError.js';
import { requireUser } from './requestContext.js';

export async function actorFor(meta: MetaStore, user: UserRecord, paperId: string): Promise<Actor> {
  return { admin: user.admin, role: await meta.roleOf(paperId, user.id) };
}

export interface PaperAccess {
  paper: PaperRecord;
  user: UserRecord;
  actor: Actor;
}

/** The paper named in the route, if the caller may read it; 404 otherwise, so ids don't leak. */
export async function readablePaper(
  meta: MetaStore,
  req: Request<{ id: string }>,
): Promise<PaperAccess> {
  const user = requireUser(req);
  // An id the server never made names no paper: not worth asking the store.
  const paper = PAPER_ID_PATTERN.test(req.params.id)
    ? await meta.findPaper(req.params.id)
    : undefined;
  const actor = paper && (await actorFor(meta, user, paper.id));
  if (!paper || !actor || !canReadPaper(actor, paper.phase)) {
    throw new HttpError(
      'not_found',
      'Dit positionpaper bestaat niet of je hebt er geen toegang toe.',
    );
  }
  return { paper, user, actor };
}

/** As {@link readablePaper}, and the caller must be allowed to manage it (403 otherwise). */
export async function manageablePaper(
  meta: MetaStore,
  req: Request<{ id: string }>,
): Promise<PaperAccess> {
  const access = await readablePaper(meta, req);
  if (!canManagePaper(access.actor, access.paper.phase)) {
    const reason =
      access.paper.phase === 'vastgesteld' || access.paper.phase === 'ingetrokken'
        ? `Dit positionpaper is ${access.paper.phase} en kan niet meer worden gewijzigd.`
        : 'Alleen redacteuren van dit positionpaper mogen dit.';
    throw new HttpError('forbidden', reason);
  }
  return access;
}
