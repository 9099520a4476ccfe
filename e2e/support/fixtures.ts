/**
 * Playwright fixtures: every test gets its own built server on a fresh data dir (`server`),
 * an API client signed in as the first admin (`admin`), a way to make accounts (`createPerson`)
 * and extra browser pages, each in its own context, for multi-user flows (`newPage`).
 */
import { test as base, type Page } from '@playwright/test';
import { organisationName, type PublicUser } from '@standpunt/shared';
import { ADMIN, StandpuntServer } from './StandpuntServer.js';
import { StandpuntApi } from './StandpuntApi.js';

/** An account made for a test, with the password to sign in with. */
export interface Person {
  user: PublicUser;
  email: string;
  password: string;
  /** How the editor shows this person to others, e.g. "Anna de Vries (Amsterdam)". */
  label: string;
}

export interface PersonOptions {
  name: string;
  /** CBS code, e.g. `GM0363` (Amsterdam). */
  municipality: string;
}

interface Fixtures {
  server: StandpuntServer;
  admin: StandpuntApi;
  createPerson: (options: PersonOptions) => Promise<Person>;
  newPage: () => Promise<Page>;
}

export const test = base.extend<Fixtures>({
  server: async ({}, use, testInfo) => {
    const server = await StandpuntServer.start();
    try {
      await use(server);
    } finally {
      await server.dispose();
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('server.log', { body: server.log, contentType: 'text/plain' });
      }
    }
  },

  baseURL: async ({ server }, use) => {
    // Only valid until `server.restart()`: after it, navigate with `server.baseURL`.
    await use(server.baseURL);
  },

  admin: async ({ server }, use) => {
    const admin = await StandpuntApi.signIn(server.baseURL, ADMIN);
    await use(admin);
    await admin.dispose();
  },

  createPerson: async ({ admin }, use) => {
    let count = 0;
    await use(async ({ name, municipality }) => {
      count += 1;
      const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${count}@standpunt.test`;
      const password = `wachtwoord-van-${count}-${municipality.toLowerCase()}`;
      const user = await admin.createUser({ email, name, municipality, password });
      return { user, email, password, label: `${name} (${organisationName(municipality)})` };
    });
  },

  newPage: async ({ browser }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async () => {
      const context = await browser.newContext({ locale: 'nl-NL' });
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

export { expect } from '@playwright/test';
