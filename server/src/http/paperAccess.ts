import type { Request } from 'express';
import { canManagePaper, canReadPaper, type Actor } from '@standpunt/shared';
import type { MetaStore, PaperRecord, UserRecord } from '../storage/MetaStore.js';
import { HttpError } from './HttpError.js';
import { requireUser } from './requestContext.js';

export function actorFor(meta: MetaStore, user: UserRecord, paperId: string): Actor {
  return { admin: user.admin, role: meta.roleOf(paperId, user.id) };
}

export interface PaperAccess {
  paper: PaperRecord;
  user: UserRecord;
  actor: Actor;
}

/** The paper named in the route, if the caller may read it; 404 otherwise, so ids don't leak. */
export function readablePaper(meta: MetaStore, req: Request<{ id: string }>): PaperAccess {
  const user = requireUser(req);
  const paper = meta.findPaper(req.params.id);
  const actor = paper && actorFor(meta, user, paper.id);
  if (!paper || !actor || !canReadPaper(actor, paper.phase)) {
    throw new HttpError(
      'not_found',
      'Dit positionpaper bestaat niet of je hebt er geen toegang toe.',
    );
  }
  return { paper, user, actor };
}

/** As {@link readablePaper}, and the caller must be allowed to manage it (403 otherwise). */
export function manageablePaper(meta: MetaStore, req: Request<{ id: string }>): PaperAccess {
  const access = readablePaper(meta, req);
  if (!canManagePaper(access.actor, access.paper.phase)) {
    const reason =
      access.paper.phase === 'vastgesteld' || access.paper.phase === 'ingetrokken'
        ? `Dit positionpaper is ${access.paper.phase} en kan niet meer worden gewijzigd.`
        : 'Alleen redacteuren van dit positionpaper mogen dit.';
    throw new HttpError('forbidden', reason);
  }
  return access;
}
