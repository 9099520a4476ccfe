/**
 * Playwright fixtures: every test gets its own built server on a fresh data dir (`server`),
 * an API client signed in as the first admin (`admin`), a way to make accounts (`createPerson`)
 * and extra browser pages, each in its own context, for multi-user flows (`newPage`).
 */
import { test as base, type Page, type TestInfo } from '@playwright/test';
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

/**
 * Collects what a page's scripts threw or logged as errors, to attach to a failing test: a blank
 * page is otherwise hard to tell from a slow one.
 */
function recordBrowserErrors(page: Page, name: string, lines: string[]): void {
  page.on('pageerror', (error) => lines.push(`${name} threw: ${error.stack ?? error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') lines.push(`${name} console: ${message.text()}`);
  });
}

async function attachBrowserErrors(testInfo: TestInfo, lines: string[]): Promise<void> {
  if (lines.length > 0 && testInfo.status !== testInfo.expectedStatus) {
    await testInfo.attach('browser-errors.log', {
      body: lines.join('\n'),
      contentType: 'text/plain',
    });
  }
}

export const test = base.extend<Fixtures>({
  page: async ({ page }, use, testInfo) => {
    const errors: string[] = [];
    recordBrowserErrors(page, 'page', errors);
    await use(page);
    await attachBrowserErrors(testInfo, errors);
  },

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

  newPage: async ({ browser }, use, testInfo) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    const errors: string[] = [];
    await use(async () => {
      const context = await browser.newContext({ locale: 'nl-NL' });
      contexts.push(context);
      const page = await context.newPage();
      recordBrowserErrors(page, `page ${contexts.length}`, errors);
      return page;
    });
    await attachBrowserErrors(testInfo, errors);
    await Promise.all(contexts.map((context) => context.close()));
  },
});

export { expect } from '@playwright/test';
