import { Router } from 'express';
import { createUserRequestSchema, type DirectoryEntry } from '@standpunt/shared';
import { hashPassword } from '../auth/password.js';
import { newId } from '../ids.js';
import type { MetaStore } from '../storage/MetaStore.js';
import { auditActor } from './auditActor.js';
import type { AppContext } from './AppContext.js';
import { HttpError } from './HttpError.js';
import { requireAdmin, requireUser } from './requestContext.js';
import { toPublicUser } from './toPublic.js';

async function assertEmailFree(meta: MetaStore, email: string): Promise<void> {
  if (await meta.findUserByEmail(email)) {
    throw new HttpError('conflict', `Er bestaat al een account met e-mailadres ${email}.`);
  }
}

export function usersRoutes({ meta, audit }: AppContext): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    requireAdmin(req);
    res.json((await meta.listUsers()).map(toPublicUser));
  });

  /** Everyone may look colleagues up (to add them to a paper): names and organisations only. */
  router.get('/directory', async (req, res) => {
    requireUser(req);
    const entries: DirectoryEntry[] = (await meta.listUsers())
      .map(({ id, name, email, municipality }) => ({ id, name, email, municipality }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    res.json(entries);
  });

  router.post('/', async (req, res) => {
    const admin = requireAdmin(req);
    const body = createUserRequestSchema.parse(req.body);
    await assertEmailFree(meta, body.email);
    const passwordHash = await hashPassword(body.password);
    // Checked again after the slow hash: another request may have taken the address meanwhile.
    await assertEmailFree(meta, body.email);
    const user = {
      id: newId(),
      email: body.email,
      name: body.name,
      municipality: body.municipality,
      admin: body.admin ?? false,
      active: true,
      passwordHash,
      createdAt: new Date().toISOString(),
    };
    await meta.addUser(user);
    await audit.record(
      { type: 'user.created', userId: user.id, email: user.email, admin: user.admin },
      { actor: auditActor(admin) },
    );
    res.status(201).json(toPublicUser(user));
  });

  return router;
}
