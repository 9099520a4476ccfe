import { Router } from 'express';
import { setMemberRequestSchema, type PaperMember } from '@standpunt/shared';
import type { MetaStore } from '../storage/MetaStore.js';
import { auditActor } from './auditActor.js';
import type { AppContext } from './AppContext.js';
import { HttpError } from './HttpError.js';
import { manageablePaper, readablePaper } from './paperAccess.js';

function membersOf(meta: MetaStore, paperId: string): PaperMember[] {
  return meta.membershipsOf(paperId).flatMap((membership) => {
    const user = meta.findUserById(membership.userId);
    return user
      ? [
          {
            userId: user.id,
            name: user.name,
            email: user.email,
            municipality: user.municipality,
            role: membership.role,
          },
        ]
      : [];
  });
}

/** A paper always keeps at least one editor: refuse to take the role from the last one. */
function assertKeepsAnEditor(meta: MetaStore, paperId: string, userId: string): void {
  const editors = meta.membershipsOf(paperId).filter((m) => m.role === 'editor');
  if (editors.length === 1 && editors[0]?.userId === userId) {
    throw new HttpError('conflict', 'Een positionpaper houdt altijd minstens één redacteur.');
  }
}

/** `/api/papers/:id/members[/:userId]`: who holds which role on a paper. */
export function membersRoutes(context: AppContext): Router {
  const { meta, audit } = context;
  const router = Router();

  router.get('/:id/members', (req, res) => {
    const { paper } = readablePaper(meta, req);
    res.json(membersOf(meta, paper.id));
  });

  router.put('/:id/members/:userId', async (req, res) => {
    const { role } = setMemberRequestSchema.parse(req.body);
    const { paper, user } = manageablePaper(meta, req);
    const member = meta.findUserById(req.params.userId);
    if (!member) throw new HttpError('not_found', 'Dit account bestaat niet.');
    const previous = meta.roleOf(paper.id, member.id);
    if (previous === role) {
      res.json(membersOf(meta, paper.id));
      return;
    }
    if (previous === 'editor') assertKeepsAnEditor(meta, paper.id, member.id);
    await meta.setMember(paper.id, member.id, role);
    audit.record(
      { type: 'member.role_set', userId: member.id, from: previous, to: role },
      { actor: auditActor(user), paperId: paper.id },
    );
    context.paperAccessChanged(paper.id);
    res.json(membersOf(meta, paper.id));
  });

  router.delete('/:id/members/:userId', async (req, res) => {
    const { paper, user } = manageablePaper(meta, req);
    const role = meta.roleOf(paper.id, req.params.userId);
    if (role === null)
      throw new HttpError('not_found', 'Dit account is geen lid van dit positionpaper.');
    if (role === 'editor') assertKeepsAnEditor(meta, paper.id, req.params.userId);
    await meta.removeMember(paper.id, req.params.userId);
    audit.record(
      { type: 'member.removed', userId: req.params.userId, role },
      { actor: auditActor(user), paperId: paper.id },
    );
    context.paperAccessChanged(paper.id);
    res.json(membersOf(meta, paper.id));
  });

  return router;
}
