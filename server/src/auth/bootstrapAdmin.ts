import { randomBytes } from 'node:crypto';
import { VNG_CODE } from '@standpunt/shared';
import type { ServerConfig } from '../config.js';
import { newId } from '../ids.js';
import type { MetaStore } from '../storage/MetaStore.js';
import { hashPassword } from './password.js';
import { passwordProblem } from './passwordPolicy.js';

/**
 * On a data dir without accounts, creates the first admin from STANDPUNT_ADMIN_EMAIL /
 * STANDPUNT_ADMIN_PASSWORD; without a password one is generated and printed once (it is not
 * stored anywhere in clear text).
 */
export async function bootstrapAdmin(meta: MetaStore, config: ServerConfig): Promise<void> {
  if ((await meta.countUsers()) > 0) return;
  const email = (config.adminEmail ?? 'admin@standpunt.local').trim().toLowerCase();
  const password = config.adminPassword ?? randomBytes(18).toString('base64url');
  const problem = passwordProblem(password, email);
  // Refused at start, before anything exists: an admin whose password a guesser tries first
  // would open every paper.
  if (problem) throw new Error(`STANDPUNT_ADMIN_PASSWORD is not accepted: ${problem}`);
  await meta.addUser({
    id: newId(),
    email,
    name: 'Beheerder',
    municipality: VNG_CODE,
    admin: true,
    active: true,
    passwordHash: await hashPassword(password),
    createdAt: new Date().toISOString(),
  });
  config.log(`created the first admin account: ${email}`);
  if (!config.adminPassword) {
    config.log(`its generated password (shown only this once): ${password}`);
  }
}
