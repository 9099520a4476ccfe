/**
 * Starts the real server on port 0 with a fresh DATA_DIR, and speaks its API as a browser
 * would (session cookie, Origin header).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  PAPER_ROLES,
  type PaperRole,
  type PaperSummary,
  type Phase,
  type PublicUser,
} from '@standpunt/shared';
import type { ServerConfig } from '../src/config.js';
import { startServer, type RunningServer } from '../src/createServer.js';
import { createTestDatabase } from './testDatabase.js';

export const ADMIN = { email: 'admin@standpunt.test', password: 'beheerder-wachtwoord-1' };
export const DEFAULT_PASSWORD = 'een-lang-wachtwoord';

export async function tempDataDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'standpunt-test-'));
}

export type TestBackend = 'file' | 'postgres';

/**
 * The backend the integration tests run on: the embedded files by default, PostgreSQL with
 * `STANDPUNT_TEST_BACKEND=postgres` (scripts/test.sh runs them both ways).
 */
export const TEST_BACKEND: TestBackend =
  process.env.STANDPUNT_TEST_BACKEND === 'postgres' ? 'postgres' : 'file';

/**
 * On PostgreSQL, each test server's `dataDir` stands for a database of its own, so that a test
 * restarting "on the same data dir" restarts on the same database. The databases live as long
 * as the test cluster, which the test run throws away.
 */
const databaseOf = new Map<string, Promise<string>>();

export function testDatabaseFor(dataDir: string): Promise<string> {
  let url = databaseOf.get(dataDir);
  if (!url) {
    url = createTestDatabase().then((database) => database.url);
    databaseOf.set(dataDir, url);
  }
  return url;
}

/**
 * A running server on a free port, on {@link TEST_BACKEND} unless `backend` says otherwise
 * (tests of the files themselves); pass `dataDir` to restart on the same data.
 */
export async function startTestServer(
  overrides: Partial<ServerConfig> = {},
  { backend = TEST_BACKEND }: { backend?: TestBackend } = {},
): Promise<RunningServer> {
  const dataDir = overrides.dataDir ?? (await tempDataDir());
  return startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: backend === 'postgres' ? await testDatabaseFor(dataDir) : undefined,
    clientDir: path.join(os.tmpdir(), 'standpunt-no-client'),
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
    log: () => {},
    ...overrides,
  });
}

export interface ApiResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

/** One person's view of the API: keeps their session cookie. */
export class ApiClient {
  cookie: string | undefined;
  /** Sent with every request (e.g. X-Forwarded-For, as a proxy in front would add it). */
  readonly headers: Record<string, string> = {};

  constructor(readonly baseUrl: string) {}

  async request<T = unknown>(
    method: string,
    urlPath: string,
    body?: unknown,
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { Origin: this.baseUrl, ...this.headers };
    if (this.cookie) headers.Cookie = this.cookie;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(this.baseUrl + urlPath, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : undefined) as T,
      headers: response.headers,
    };
  }

  async signIn(email: string, password: string): Promise<PublicUser> {
    const response = await this.request<{ user: PublicUser }>('POST', '/api/auth/login', {
      email,
      password,
    });
    if (response.status !== 200) throw new Error(`sign-in failed: ${response.status}`);
    return response.body.user;
  }
}

export async function signInAsAdmin(server: RunningServer): Promise<ApiClient> {
  const admin = new ApiClient(server.url);
  await admin.signIn(ADMIN.email, ADMIN.password);
  return admin;
}

/** Creates an account (as admin) and returns a client signed in as that person. */
export async function createPerson(
  admin: ApiClient,
  name: string,
  municipality: string,
): Promise<{ user: PublicUser; client: ApiClient }> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}@${municipality.toLowerCase()}.test`;
  const created = await admin.request<PublicUser>('POST', '/api/users', {
    email,
    name,
    municipality,
    password: DEFAULT_PASSWORD,
  });
  if (created.status !== 201) throw new Error(`could not create ${email}: ${created.status}`);
  const client = new ApiClient(admin.baseUrl);
  await client.signIn(email, DEFAULT_PASSWORD);
  return { user: created.body, client };
}

export async function createPaper(
  client: ApiClient,
  title = 'Digitale identiteit',
): Promise<PaperSummary> {
  const response = await client.request<PaperSummary>('POST', '/api/papers', {
    title,
    theme: 'Digitale identiteit',
  });
  if (response.status !== 201) throw new Error(`could not create paper: ${response.status}`);
  return response.body;
}

/** One person per paper role, plus one who is no member, each of another municipality. */
export type Cast = Record<PaperRole | 'outsider', { id: string; name: string; client: ApiClient }>;

export async function createCast(admin: ApiClient): Promise<Cast> {
  const names: Record<keyof Cast, [string, string]> = {
    editor: ['Eva Redacteur', 'GM0363'],
    writer: ['Wim Schrijver', 'GM0344'],
    commenter: ['Carla Commentaar', 'GM0599'],
    reader: ['Rob Lezer', 'GM0518'],
    outsider: ['Olga Buiten', 'GM0014'],
  };
  const cast = {} as Cast;
  for (const [key, [name, municipality]] of Object.entries(names)) {
    const { user, client } = await createPerson(admin, name, municipality);
    cast[key as keyof Cast] = { id: user.id, name, client };
  }
  return cast;
}

/** The moves from concept to each phase. */
const ROUTE_TO: Record<Phase, Phase[]> = {
  concept: [],
  consultatie: ['consultatie'],
  voorgedragen: ['consultatie', 'voorgedragen'],
  vastgesteld: ['consultatie', 'voorgedragen', 'vastgesteld'],
  ingetrokken: ['ingetrokken'],
};

/** A paper created by the cast's editor with every other role filled, moved to `phase`. */
export async function paperInPhase(cast: Cast, phase: Phase): Promise<string> {
  const editor = cast.editor.client;
  const paper = await createPaper(editor, `Paper in ${phase}`);
  for (const role of PAPER_ROLES.filter((r) => r !== 'editor')) {
    const response = await editor.request(
      'PUT',
      `/api/papers/${paper.id}/members/${cast[role].id}`,
      { role },
    );
    if (response.status !== 200) throw new Error(`could not make ${role}: ${response.status}`);
  }
  for (const next of ROUTE_TO[phase]) {
    const response = await editor.request('PATCH', `/api/papers/${paper.id}`, { phase: next });
    if (response.status !== 200) throw new Error(`could not move to ${next}: ${response.status}`);
  }
  return paper.id;
}
