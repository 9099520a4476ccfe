import { Router } from 'express';
import { setMemberRequestSchema, type PaperMember } from '@standpunt/shared';
import type { MetaStore } from '../storage/MetaStore.js';
import { auditActor } from './auditActor.js';
import type { AppContext } from './AppContext.js';
import { HttpError } from './HttpError.js';
import { manageablePaper, readablePaper } from './paperAccess.js';

async function membersOf(meta: MetaStore, paperId: string): Promise<PaperMember[]> {
  const memberships = await meta.membershipsOf(paperId);
  const users = await Promise.all(memberships.map((m) => meta.findUserById(m.userId)));
  return memberships.flatMap((membership, index) => {
    const user = users[index];
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
async function assertKeepsAnEditor(
  meta: MetaStore,
  paperId: string,
  userId: string,
): Promise<void> {
  const editors = (await meta.membershipsOf(paperId)).filter((m) => m.role === 'editor');
  if (editors.length === 1 && editors[0]?.userId === userId) {
    throw new HttpError('conflict', 'Een positionpaper houdt altijd minstens één redacteur.');
  }
}

/** `/api/papers/:id/members[/:userId]`: who holds which role on a paper. */
export function membersRoutes(context: AppContext): Router {
  const { meta, audit } = context;
  const router = Router();

  router.get('/:id/members', async (req, res) => {
    const { paper } = await readablePaper(meta, req);
    res.json(await membersOf(meta, paper.id));
  });

  router.put('/:id/members/:userId', async (req, res) => {
    const { role } = setMemberRequestSchema.parse(req.body);
    const { paper, user } = await manageablePaper(meta, req);
    const member = await meta.findUserById(req.params.userId);
    if (!member) throw new HttpError('not_found', 'Dit account bestaat niet.');
    const previous = await meta.roleOf(paper.id, member.id);
    if (previous === role) {
      res.json(await membersOf(meta, paper.id));
      return;
    }
    if (previous === 'editor') await assertKeepsAnEditor(meta, paper.id, member.id);
    await meta.setMember(paper.id, member.id, role);
    await audit.record(
      { type: 'member.role_set', userId: member.id, from: previous, to: role },
      { actor: auditActor(user), paperId: paper.id },
    );
    await context.paperAccessChanged(paper.id);
    res.json(await membersOf(meta, paper.id));
  });

  router.delete('/:id/members/:userId', async (req, res) => {
    const { paper, user } = await manageablePaper(meta, req);
    const role = await meta.roleOf(paper.id, req.params.userId);
    if (role === null)
      throw new HttpError('not_found', 'Dit account is geen lid van dit positionpaper.');
    if (role === 'editor') await assertKeepsAnEditor(meta, paper.id, req.params.userId);
    await meta.removeMember(paper.id, req.params.userId);
    await audit.record(
      { type: 'member.removed', userId: req.params.userId, role },
      { actor: auditActor(user), paperId: paper.id },
    );
    await context.paperAccessChanged(paper.id);
    res.json(await membersOf(meta, paper.id));
  });

  return router;
}
