import { afterEach, describe, expect, it, vi } from 'vitest';
import type {
  ApiErrorBody,
  AuditEvent,
  Municipality,
  PaperSummary,
  PublicUser,
} from '@standpunt/shared';
import type { RunningServer } from '../src/createServer.js';
import {
  ADMIN,
  ApiClient,
  createPaper,
  createPerson,
  signInAsAdmin,
  startTestServer,
  tempDataDir,
} from './helpers.js';

const running: RunningServer[] = [];
async function start(...args: Parameters<typeof startTestServer>): Promise<RunningServer> {
  const server = await startTestServer(...args);
  running.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
});

describe('accounts and sessions', () => {
  it('creates the first admin from the environment and signs them in with a safe cookie', async () => {
    const server = await start();
    const client = new ApiClient(server.url);
    const response = await client.request<{ user: PublicUser }>('POST', '/api/auth/login', ADMIN);
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({
      email: ADMIN.email,
      admin: true,
      municipality: 'VNG',
    });
    expect(response.body.user).not.toHaveProperty('passwordHash');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^standpunt_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await client.request<{ user: PublicUser }>('GET', '/api/auth/me');
    expect(me.body.user.email).toBe(ADMIN.email);
  });

  it('generates and prints a password when none is configured', async () => {
    const lines: string[] = [];
    const server = await start({ adminPassword: undefined, log: (line) => lines.push(line) });
    const printed = lines.find((line) => line.includes('generated password'));
    const password = printed?.split(': ').pop() ?? '';
    expect(password.length).toBeGreaterThanOrEqual(20);
    await new ApiClient(server.url).signIn(ADMIN.email, password);
  });

  it('refuses a wrong password with 401 and a Dutch message, then rate-limits', async () => {
    const server = await start({ loginMaxFailures: 3 });
    const client = new ApiClient(server.url);
    const wrong = { email: ADMIN.email, password: 'niet-het-wachtwoord' };
    for (let i = 0; i < 3; i++) {
      const response = await client.request<ApiErrorBody>('POST', '/api/auth/login', wrong);
      expect(response.status).toBe(401);
      expect(response.body.error).toEqual({
        code: 'invalid_credentials',
        message: 'Onjuist e-mailadres of wachtwoord.',
      });
    }
    const blocked = await client.request<ApiErrorBody>('POST', '/api/auth/login', ADMIN);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.message).toMatch(/Te veel mislukte inlogpogingen/);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('throttles and audits by the address a trusted proxy names', async () => {
    const server = await start({
      loginMaxFailures: 2,
      trustProxy: { hops: 1 },
      throttledAuditBurstMs: 50,
    });
    const via = (address: string) => {
      const client = new ApiClient(server.url);
      client.headers['X-Forwarded-For'] = address;
      return client;
    };
    const guesser = via('203.0.113.7');
    for (const email of ['a@gm0363.nl', 'b@gm0363.nl']) {
      const response = await guesser.request('POST', '/api/auth/login', {
        email,
        password: 'niet-het-wachtwoord',
      });
      expect(response.status).toBe(401);
    }
    expect((await guesser.request('POST', '/api/auth/login', ADMIN)).status).toBe(429);
    // Everyone else behind the same proxy still gets in.
    const colleague = via('203.0.113.8');
    expect((await colleague.request('POST', '/api/auth/login', ADMIN)).status).toBe(200);
    await vi.waitFor(async () => {
      const audit = await colleague.request<Array<{ type: string; ip?: string }>>(
        'GET',
        '/api/audit',
      );
      const failed = audit.body.filter((entry) => entry.type === 'auth.login_failed');
      expect(failed.map((entry) => entry.ip)).toEqual(Array(3).fill('203.0.113.7'));
    });
  });

  it('checks at most the limit of guesses sent at once', async () => {
    const server = await start({ loginMaxFailures: 5 });
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        new ApiClient(server.url).request('POST', '/api/auth/login', {
          email: ADMIN.email,
          password: `geraden-wachtwoord-${i}`,
        }),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    // Counted as they arrive, before any password is checked: five are checked, 35 wait.
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(35);
    const right = await new ApiClient(server.url).request('POST', '/api/auth/login', ADMIN);
    expect(right.status).toBe(429);
  });

  it('audits refused sign-ins as one line per burst, with the count', async () => {
    const server = await start({ dataDir: await tempDataDir(), loginMaxFailures: 2 });
    const guess = { email: ADMIN.email, password: 'niet-het-wachtwoord' };
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) {
      statuses.push(
        (await new ApiClient(server.url).request('POST', '/api/auth/login', guess)).status,
      );
    }
    expect(statuses.filter((status) => status === 429)).toHaveLength(48);
    // Written at the end of the burst; stopping the server ends it now.
    const dataDir = server.config.dataDir;
    await server.stop();
    const again = await start({ dataDir });
    const admin = await signInAsAdmin(again);
    const audit = await admin.request<AuditEvent[]>('GET', '/api/audit');
    const failed = audit.body.filter((event) => event.type === 'auth.login_failed');
    expect(
      failed.map((event) => ('reason' in event ? [event.reason, event.attempts] : null)),
    ).toEqual([
      ['credentials', undefined],
      ['credentials', undefined],
      ['throttled', 48],
    ]);
  });

  it('answers 400 to a body that is not compressed as it says, and logs no stack', async () => {
    const logged: string[] = [];
    const server = await start({ log: (line) => logged.push(line) });
    for (const encoding of ['gzip', 'deflate', 'br', 'x-onbekend']) {
      const response = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: {
          Origin: server.url,
          'Content-Type': 'application/json',
          'Content-Encoding': encoding,
        },
        body: 'niet ingepakt',
      });
      expect(response.status, encoding).toBe(400);
      expect(((await response.json()) as ApiErrorBody).error.code).toBe('bad_request');
    }
    expect(logged.filter((line) => line.includes('error on'))).toStrictEqual([]);
  });

  it('keeps sessions across a restart and ends them at logout', async () => {
    const dataDir = await tempDataDir();
    const first = await startTestServer({ dataDir });
    const admin = await signInAsAdmin(first);
    await first.stop();
    const second = await start({ dataDir });
    const again = new ApiClient(second.url);
    again.cookie = admin.cookie;
    expect((await again.request('GET', '/api/auth/me')).status).toBe(200);
    expect((await again.request('POST', '/api/auth/logout')).status).toBe(204);
    expect((await again.request('GET', '/api/auth/me')).status).toBe(401);
  });

  it('lets only admins list and create accounts, with validated organisations', async () => {
    const server = await start();
    const admin = await signInAsAdmin(server);
    const { client: anna } = await createPerson(admin, 'Anna de Vries', 'GM0363');
    expect((await anna.request('GET', '/api/users')).status).toBe(403);
    const bad = await admin.request<ApiErrorBody>('POST', '/api/users', {
      email: 'x@y.nl',
      name: 'X',
      municipality: 'GM9999',
      password: 'een-lang-wachtwoord',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/municipality/);
    const duplicate = await admin.request('POST', '/api/users', {
      email: 'anna.de.vries@gm0363.test',
      name: 'Anna',
      municipality: 'VNG',
      password: 'een-lang-wachtwoord',
    });
    expect(duplicate.status).toBe(409);
    const users = await admin.request<PublicUser[]>('GET', '/api/users');
    expect(users.body.map((user) => user.name).sort()).toEqual(['Anna de Vries', 'Beheerder']);
  });

  it('refuses a second server on the same data dir', async () => {
    const server = await start({}, { backend: 'file' });
    await expect(
      startTestServer({ dataDir: server.config.dataDir }, { backend: 'file' }),
    ).rejects.toThrow(/is using/);
  });
});

describe('bad input', () => {
  it('answers malformed JSON with 400, unknown API routes with 404 and no session with 401', async () => {
    const server = await start();
    const malformed = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"email": ',
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as ApiErrorBody).error.code).toBe('invalid_json');
    const unknown = await new ApiClient(server.url).request<ApiErrorBody>('GET', '/api/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    expect((await new ApiClient(server.url).request('GET', '/api/papers')).status).toBe(401);
  });

  it('refuses a state-changing request from another origin', async () => {
    const server = await start();
    const response = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: JSON.stringify(ADMIN),
    });
    expect(response.status).toBe(403);
  });
});

describe('papers', () => {
  it('creates a paper whose creator is its editor, visible only to members in concept', async () => {
    const server = await start();
    const admin = await signInAsAdmin(server);
    const { client: anna } = await createPerson(admin, 'Anna de Vries', 'GM0363');
    const { client: bram } = await createPerson(admin, 'Bram Jansen', 'GM0344');
    const paper = await createPaper(anna, 'Samen inkopen');
    expect(paper).toMatchObject({ title: 'Samen inkopen', phase: 'concept', myRole: 'editor' });
    expect(paper.id).toMatch(/^[A-Za-z0-9_-]{16}$/);

    expect(
      (await anna.request<PaperSummary[]>('GET', '/api/papers')).body.map((p) => p.id),
    ).toEqual([paper.id]);
    expect((await bram.request<PaperSummary[]>('GET', '/api/papers')).body).toEqual([]);
    expect((await bram.request('GET', `/api/papers/${paper.id}`)).status).toBe(404);
    expect((await admin.request('GET', `/api/papers/${paper.id}`)).status).toBe(200);
  });

  it('validates titles and moves phases only along the process', async () => {
    const server = await start();
    const admin = await signInAsAdmin(server);
    expect(
      (await admin.request('POST', '/api/papers', { title: ' ', theme: 'Beheer' })).status,
    ).toBe(400);
    const paper = await createPaper(admin);
    const skip = await admin.request('PATCH', `/api/papers/${paper.id}`, { phase: 'vastgesteld' });
    expect(skip.status).toBe(409);
    const move = await admin.request<PaperSummary>('PATCH', `/api/papers/${paper.id}`, {
      phase: 'consultatie',
    });
    expect(move.body.phase).toBe('consultatie');
  });

  it('lists the 342 municipalities', async () => {
    const server = await start();
    const admin = await signInAsAdmin(server);
    const response = await admin.request<Municipality[]>('GET', '/api/municipalities');
    expect(response.body).toHaveLength(342);
    expect(response.body).toContainEqual({
      code: 'GM0363',
      name: 'Amsterdam',
      province: 'Noord-Holland',
    });
  });
});
