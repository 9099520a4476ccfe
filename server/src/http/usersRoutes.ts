import { Router } from 'express';
import {
  createUserRequestSchema,
  patchUserRequestSchema,
  USER_TOTAL_HEADER,
  userListQuerySchema,
  type DirectoryEntry,
} from '@standpunt/shared';
import { hashPassword } from '../auth/password.js';
import { passwordProblem } from '../auth/passwordPolicy.js';
import { newId } from '../ids.js';
import { EmailTakenError, NoSuchUserError, type MetaStore } from '../storage/MetaStore.js';
import { auditActor } from './auditActor.js';
import type { AppContext } from './AppContext.js';
import { HttpError } from './HttpError.js';
import { requireAdmin, requireUser } from './requestContext.js';
import { toPublicUser } from './toPublic.js';

/** Without `limit`, `GET /api/users` answers every account, as it did before paging. */
const ALL = 1_000_000;

async function assertEmailFree(meta: MetaStore, email: string): Promise<void> {
  if (await meta.findUserByEmail(email)) throw emailTaken(email);
}

function emailTaken(email: string): HttpError {
  return new HttpError('conflict', `Er bestaat al een account met e-mailadres ${email}.`);
}

/** A password someone sets: checked against the policy (400), then hashed. */
export async function acceptablePasswordHash(password: string, email: string): Promise<string> {
  const problem = passwordProblem(password, email);
  if (problem) throw new HttpError('bad_request', problem);
  return hashPassword(password);
}

export function usersRoutes(context: AppContext): Router {
  const { meta, audit, links } = context;
  const router = Router();

  router.get('/', async (req, res) => {
    requireAdmin(req);
    const query = userListQuerySchema.parse(req.query);
    const page = await meta.searchUsers({
      ...(query.q ? { text: query.q } : {}),
      ...(query.municipality !== undefined ? { municipality: query.municipality } : {}),
      ...(query.active !== undefined ? { active: query.active } : {}),
      ...(query.admin !== undefined ? { admin: query.admin } : {}),
      offset: query.offset ?? 0,
      limit: query.limit ?? ALL,
    });
    res.set(USER_TOTAL_HEADER, String(page.total));
    res.json(page.users.map(toPublicUser));
  });

  /** Everyone may look colleagues up (to add them to a paper): names and organisations only. */
  router.get('/directory', async (req, res) => {
    requireUser(req);
    const entries: DirectoryEntry[] = (await meta.listUsers())
      // A deactivated account is given no new roles.
      .filter((user) => user.active)
      .map(({ id, name, email, municipality }) => ({ id, name, email, municipality }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    res.json(entries);
  });

  router.post('/', async (req, res) => {
    const admin = requireAdmin(req);
    const body = createUserRequestSchema.parse(req.body);
    await assertEmailFree(meta, body.email);
    const passwordHash =
      body.password === undefined ? null : await acceptablePasswordHash(body.password, body.email);
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
    try {
      // The store checks the address again: another request may have taken it meanwhile.
      await meta.addUsers([user]);
    } catch (error) {
      if (error instanceof EmailTakenError) throw emailTaken(body.email);
      throw error;
    }
    const actor = auditActor(admin);
    await audit.record(
      { type: 'user.created', userId: user.id, email: user.email, admin: user.admin },
      { actor },
    );
    if (passwordHash === null) {
      await links.send(user, 'invitation');
      await audit.record(
        { type: 'user.invitation_sent', userId: user.id, email: user.email },
        { actor },
      );
    }
    res.status(201).json(toPublicUser(user));
  });

  router.patch('/:id', async (req, res) => {
    const admin = requireAdmin(req);
    const changes = patchUserRequestSchema.parse(req.body);
    const before = await meta.findUserById(req.params.id);
    if (!before) throw new HttpError('not_found', 'Dit account bestaat niet.');
    // Nobody locks themself out: another admin has to do it.
    if (before.id === admin.id && (changes.active === false || changes.admin === false)) {
      throw new HttpError(
        'conflict',
        'U kunt uw eigen account niet deactiveren of uw eigen beheerrechten intrekken.',
      );
    }
    let after;
    try {
      after = await meta.updateUser(before.id, changes);
    } catch (error) {
      if (error instanceof NoSuchUserError) {
        throw new HttpError('not_found', 'Dit account bestaat niet.');
      }
      throw error;
    }
    const actor = auditActor(admin);
    const fields = (['name', 'municipality', 'admin'] as const).filter(
      (field) => changes[field] !== undefined && changes[field] !== before[field],
    );
    if (fields.length > 0) {
      await audit.record(
        { type: 'user.updated', userId: after.id, email: after.email, fields, admin: after.admin },
        { actor },
      );
    }
    if (before.active && !after.active) {
      await meta.removeSessionsOf(after.id);
      await context.signedOut({ userId: after.id });
      await audit.record(
        { type: 'user.deactivated', userId: after.id, email: after.email },
        { actor },
      );
    } else if (!before.active && after.active) {
      await audit.record(
        { type: 'user.reactivated', userId: after.id, email: after.email },
        { actor },
      );
    }
    res.json(toPublicUser(after));
  });

  router.post('/:id/invitation', async (req, res) => {
    const admin = requireAdmin(req);
    const user = await meta.findUserById(req.params.id);
    if (!user) throw new HttpError('not_found', 'Dit account bestaat niet.');
    if (!user.active) {
      throw new HttpError('conflict', 'Dit account is gedeactiveerd: activeer het eerst.');
    }
    if (user.passwordHash !== null || user.sso) {
      throw new HttpError(
        'conflict',
        'Dit account is al in gebruik. Wie het wachtwoord kwijt is, kiest "Wachtwoord vergeten?" op de inlogpagina.',
      );
    }
    await links.send(user, 'invitation');
    await audit.record(
      { type: 'user.invitation_sent', userId: user.id, email: user.email },
      { actor: auditActor(admin) },
    );
    res.status(204).end();
  });

  return router;
}
