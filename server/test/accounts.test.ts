/**
 * Accounts at scale against the real server and a real SMTP receiver: invitations, password
 * resets, one's own password and sessions, deactivation, the account list and the bulk import.
 */
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  IMPORT_MAX_BYTES,
  USER_TOTAL_HEADER,
  type AuditEvent,
  type ImportLineError,
  type ImportReport,
  type PublicUser,
  type SessionSummary,
} from '@standpunt/shared';
import type { RunningServer } from '../src/createServer.js';
import { CollabClient } from './CollabClient.js';
import {
  ADMIN,
  ApiClient,
  createPaper,
  createPerson,
  signInAsAdmin,
  startTestServer,
  TEST_BACKEND,
} from './helpers.js';
import { SmtpReceiver } from './SmtpReceiver.js';

const GOOD_PASSWORD = 'drie kleine kuikens op stal';

let server: RunningServer;
let smtp: SmtpReceiver;
let admin: ApiClient;

beforeAll(async () => {
  smtp = await SmtpReceiver.start();
  // Each test asks for resets from an address of its own (X-Forwarded-For), so that the
  // limit per address (3 here) is reached only where a test means to.
  server = await startTestServer({
    smtpUrl: smtp.url(),
    resetMaxRequests: 3,
    trustProxy: { hops: 1 },
  });
});
afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});
beforeEach(async () => {
  admin = await signInAsAdmin(server);
});

let counter = 0;
const uniqueEmail = (name: string) => `${name}.${++counter}@utrecht.test`;

/** A browser without a session, at an address of its own. */
function browserElsewhere(): ApiClient {
  const browser = new ApiClient(server.url);
  browser.headers['X-Forwarded-For'] = `198.51.100.${++counter}`;
  return browser;
}

/** The mail that arrives next for `to`, and the token in its link under `path`. */
async function mailTo(to: string, path: string): Promise<{ mail: ParsedMail; token: string }> {
  const find = () => smtp.received.find((each) => each.envelope.to.includes(to));
  await smtp.until(() => Boolean(find()), `a mail to ${to}`);
  const received = find()!;
  smtp.received.splice(smtp.received.indexOf(received), 1);
  const text = received.parsed.text ?? '';
  const match = new RegExp(`${server.url}${path}/([A-Za-z0-9_-]+)`).exec(text);
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return { mail: received.parsed, token: match[1]! };
}

async function invite(name: string, municipality = 'GM0344'): Promise<PublicUser> {
  const response = await admin.request<PublicUser>('POST', '/api/users', {
    email: uniqueEmail(name),
    name,
    municipality,
  });
  expect(response.status).toBe(201);
  return response.body;
}

async function auditTypes(): Promise<string[]> {
  const events = await admin.request<AuditEvent[]>('GET', '/api/audit');
  return events.body.map((event) => event.type);
}

async function postImport(
  client: ApiClient,
  body: string,
  query = '',
  contentType = 'text/csv',
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}/api/users/import${query}`, {
    method: 'POST',
    headers: { Origin: server.url, Cookie: client.cookie ?? '', 'Content-Type': contentType },
    body,
  });
  return { status: response.status, body: await response.json() };
}

describe(`accounts (${TEST_BACKEND})`, () => {
  describe('the password policy', () => {
    it.each([
      ['spaces only', '            '],
      ['one repeated character', 'aaaaaaaaaaaa'],
      ['a plain sequence', '123456789012'],
      ['a common password', 'password1234'],
      ['too short', 'kort'],
    ])('refuses %s for a new account, with a Dutch reason', async (_case, password) => {
      const email = uniqueEmail('zwak');
      const response = await admin.request<{ error: { message: string } }>('POST', '/api/users', {
        email,
        name: 'Zwak',
        municipality: 'GM0344',
        password,
      });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/wachtwoord|reeks|herhaalt|spaties/i);
      const list = await admin.request<PublicUser[]>('GET', `/api/users?q=${email}`);
      expect(list.body).toHaveLength(0);
    });

    it('refuses the e-mail address as password', async () => {
      const email = uniqueEmail('adres');
      const response = await admin.request('POST', '/api/users', {
        email,
        name: 'Adres',
        municipality: 'GM0344',
        password: email,
      });
      expect(response.status).toBe(400);
    });

    it('refuses to start with a weak first admin password from the environment', async () => {
      await expect(startTestServer({ adminPassword: 'aaaaaaaaaaaa' })).rejects.toThrow(
        /STANDPUNT_ADMIN_PASSWORD/,
      );
    });
  });

  describe('invitations', () => {
    it('invites an account made without a password, which then chooses one and is signed in', async () => {
      const user = await invite('Ilse');
      expect(user.signIn).toBe('invited');
      const { mail, token } = await mailTo(user.email, '/welkom');
      expect(mail.subject).toBe('Uitnodiging voor Standpunt');
      expect(mail.html).toContain(`/welkom/${token}`);
      expect(mail.text).toContain('Utrecht');

      const person = new ApiClient(server.url);
      const check = await person.request('POST', '/api/auth/invitation/check', { token });
      expect(check).toMatchObject({ status: 200, body: { email: user.email, name: 'Ilse' } });
      // A refused password leaves the link working.
      const weak = await person.request('POST', '/api/auth/invitation', {
        token,
        password: '123456789012',
      });
      expect(weak.status).toBe(400);
      const accepted = await person.request<{ user: PublicUser }>('POST', '/api/auth/invitation', {
        token,
        password: GOOD_PASSWORD,
      });
      expect(accepted.status).toBe(200);
      expect(accepted.body.user.signIn).toBe('password');
      expect((await person.request('GET', '/api/auth/me')).status).toBe(200);

      const again = await new ApiClient(server.url).request<{ error: { code: string } }>(
        'POST',
        '/api/auth/invitation',
        { token, password: GOOD_PASSWORD },
      );
      expect(again.status).toBe(410);
      expect(again.body.error.code).toBe('gone');
      await new ApiClient(server.url).signIn(user.email, GOOD_PASSWORD);
      expect(await auditTypes()).toEqual(
        expect.arrayContaining(['user.invitation_sent', 'auth.invitation_accepted']),
      );
    });

    it('lets an admin send a new invitation, after which the earlier link is gone', async () => {
      const user = await invite('Henk');
      const first = await mailTo(user.email, '/welkom');
      expect((await admin.request('POST', `/api/users/${user.id}/invitation`)).status).toBe(204);
      const second = await mailTo(user.email, '/welkom');
      expect(second.token).not.toBe(first.token);
      const person = new ApiClient(server.url);
      expect(
        (await person.request('POST', '/api/auth/invitation/check', { token: first.token })).status,
      ).toBe(410);
      expect(
        (await person.request('POST', '/api/auth/invitation/check', { token: second.token }))
          .status,
      ).toBe(200);
    });

    it('sends no new invitation to an account that has a password', async () => {
      const { user } = await createPerson(admin, `Met Wachtwoord ${++counter}`, 'GM0344');
      expect((await admin.request('POST', `/api/users/${user.id}/invitation`)).status).toBe(409);
    });

    it('answers 410 for a token that never was', async () => {
      const response = await new ApiClient(server.url).request('POST', '/api/auth/invitation', {
        token: 'bestaat-niet',
        password: GOOD_PASSWORD,
      });
      expect(response.status).toBe(410);
    });
  });

  describe('password reset', () => {
    it('always answers 202, and mails only an existing account', async () => {
      const { user } = await createPerson(admin, `Rita ${++counter}`, 'GM0344');
      const stranger = browserElsewhere();
      const unknown = await stranger.request('POST', '/api/auth/password-reset', {
        email: 'niemand@utrecht.test',
      });
      const known = await stranger.request('POST', '/api/auth/password-reset', {
        email: user.email,
      });
      expect([unknown.status, known.status]).toStrictEqual([202, 202]);
      expect(unknown.body).toStrictEqual(known.body);
      await mailTo(user.email, '/wachtwoord-herstellen');
      expect(smtp.received.some((mail) => mail.envelope.to.includes('niemand@utrecht.test'))).toBe(
        false,
      );
    });

    it('sets a new password through the link, ends the other sessions and closes their sockets', async () => {
      const { user, client: elsewhere } = await createPerson(admin, `Sam ${++counter}`, 'GM0344');
      const paper = await createPaper(admin);
      await admin.request('PUT', `/api/papers/${paper.id}/members/${user.id}`, { role: 'reader' });
      const socket = new CollabClient(server.url, paper.id, { cookie: elsewhere.cookie! });
      await socket.synced;

      const browser = browserElsewhere();
      await browser.request('POST', '/api/auth/password-reset', { email: user.email });
      const { token } = await mailTo(user.email, '/wachtwoord-herstellen');
      expect(
        (await browser.request('POST', '/api/auth/password-reset/check', { token })).body,
      ).toMatchObject({ email: user.email });
      const confirmed = await browser.request('POST', '/api/auth/password-reset/confirm', {
        token,
        password: GOOD_PASSWORD,
      });
      expect(confirmed.status).toBe(200);
      expect((await browser.request('GET', '/api/auth/me')).status).toBe(200);
      expect((await elsewhere.request('GET', '/api/auth/me')).status).toBe(401);
      expect((await socket.closed).code).toBe(4401);

      expect(
        (
          await new ApiClient(server.url).request('POST', '/api/auth/login', {
            email: user.email,
            password: 'een-lang-wachtwoord',
          })
        ).status,
      ).toBe(401);
      await new ApiClient(server.url).signIn(user.email, GOOD_PASSWORD);
      const used = await browser.request('POST', '/api/auth/password-reset/confirm', {
        token,
        password: GOOD_PASSWORD,
      });
      expect(used.status).toBe(410);
      expect(await auditTypes()).toEqual(
        expect.arrayContaining(['auth.password_reset_requested', 'auth.password_reset']),
      );
    });

    it('limits the requests per address', async () => {
      const email = uniqueEmail('vaak');
      const stranger = browserElsewhere();
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push(
          (await stranger.request('POST', '/api/auth/password-reset', { email })).status,
        );
      }
      expect(statuses).toStrictEqual([202, 202, 202, 429]);
    });

    it('puts no token or password in the audit trail', async () => {
      const { user } = await createPerson(admin, `Tom ${++counter}`, 'GM0344');
      const browser = browserElsewhere();
      await browser.request('POST', '/api/auth/password-reset', { email: user.email });
      const { token } = await mailTo(user.email, '/wachtwoord-herstellen');
      await browser.request('POST', '/api/auth/password-reset/confirm', {
        token,
        password: GOOD_PASSWORD,
      });
      const trail = JSON.stringify((await admin.request('GET', '/api/audit')).body);
      expect(trail).not.toContain(token);
      expect(trail).not.toContain(GOOD_PASSWORD);
    });
  });

  describe('one’s own password and sessions', () => {
    it('changes the own password given the current one, and ends the other sessions', async () => {
      const { user, client } = await createPerson(admin, `Noor ${++counter}`, 'GM0344');
      const other = new ApiClient(server.url);
      await other.signIn(user.email, 'een-lang-wachtwoord');
      const sessions = await client.request<SessionSummary[]>('GET', '/api/auth/sessions');
      expect(sessions.body).toHaveLength(2);
      expect(sessions.body.filter((s) => s.current)).toHaveLength(1);

      const wrong = await client.request('PUT', '/api/auth/password', {
        current: 'niet-het-wachtwoord',
        password: GOOD_PASSWORD,
      });
      expect(wrong.status).toBe(403);
      const changed = await client.request('PUT', '/api/auth/password', {
        current: 'een-lang-wachtwoord',
        password: GOOD_PASSWORD,
      });
      expect(changed.status).toBe(204);
      expect((await client.request('GET', '/api/auth/me')).status).toBe(200);
      expect((await other.request('GET', '/api/auth/me')).status).toBe(401);
      const left = await client.request<SessionSummary[]>('GET', '/api/auth/sessions');
      expect(left.body.map((s) => s.current)).toStrictEqual([true]);
    });

    it('ends one other session by its id, and no one else’s', async () => {
      const { user, client } = await createPerson(admin, `Bas ${++counter}`, 'GM0344');
      const other = new ApiClient(server.url);
      await other.signIn(user.email, 'een-lang-wachtwoord');
      const sessions = await client.request<SessionSummary[]>('GET', '/api/auth/sessions');
      const otherSession = sessions.body.find((s) => !s.current)!;
      expect(otherSession.id).not.toContain(other.cookie!.split('=')[1]!);
      expect((await admin.request('DELETE', `/api/auth/sessions/${otherSession.id}`)).status).toBe(
        404,
      );
      expect((await client.request('DELETE', `/api/auth/sessions/${otherSession.id}`)).status).toBe(
        204,
      );
      expect((await other.request('GET', '/api/auth/me')).status).toBe(401);
      expect((await client.request('GET', '/api/auth/me')).status).toBe(200);
    });

    it('closes the sockets of a session that expires', async () => {
      const brief = await startTestServer({ sessionTtlMs: 1500, sessionCheckIntervalMs: 100 });
      try {
        const briefAdmin = await signInAsAdmin(brief);
        const paper = await createPaper(briefAdmin);
        const socket = new CollabClient(brief.url, paper.id, { cookie: briefAdmin.cookie! });
        await socket.synced;
        expect((await socket.closed).code).toBe(4401);
        expect((await briefAdmin.request('GET', '/api/auth/me')).status).toBe(401);
      } finally {
        await brief.stop();
      }
    });

    it('closes the sockets of a browser that signs out', async () => {
      const { user, client } = await createPerson(admin, `Lot ${++counter}`, 'GM0344');
      const paper = await createPaper(admin);
      await admin.request('PUT', `/api/papers/${paper.id}/members/${user.id}`, { role: 'reader' });
      const socket = new CollabClient(server.url, paper.id, { cookie: client.cookie! });
      await socket.synced;
      await client.request('POST', '/api/auth/logout');
      expect((await socket.closed).code).toBe(4401);
    });
  });

  describe('deactivating accounts', () => {
    it('ends the sessions and sockets at once; sign-in is refused until reactivated', async () => {
      const { user, client } = await createPerson(admin, `Dirk ${++counter}`, 'GM0344');
      const paper = await createPaper(admin);
      await admin.request('PUT', `/api/papers/${paper.id}/members/${user.id}`, { role: 'reader' });
      const socket = new CollabClient(server.url, paper.id, { cookie: client.cookie! });
      await socket.synced;

      const patched = await admin.request<PublicUser>('PATCH', `/api/users/${user.id}`, {
        active: false,
      });
      expect(patched.status).toBe(200);
      expect(patched.body.active).toBe(false);
      expect((await socket.closed).code).toBe(4401);
      expect((await client.request('GET', '/api/auth/me')).status).toBe(401);
      const refused = await new ApiClient(server.url).request('POST', '/api/auth/login', {
        email: user.email,
        password: 'een-lang-wachtwoord',
      });
      expect(refused.status).toBe(403);
      const directory = await admin.request<{ id: string }[]>('GET', '/api/users/directory');
      expect(directory.body.map((entry) => entry.id)).not.toContain(user.id);

      await admin.request('PATCH', `/api/users/${user.id}`, { active: true });
      await new ApiClient(server.url).signIn(user.email, 'een-lang-wachtwoord');
      expect(await auditTypes()).toEqual(
        expect.arrayContaining(['user.deactivated', 'user.reactivated']),
      );
    });

    it('refuses an admin deactivating or demoting themself', async () => {
      const me = await admin.request<{ user: PublicUser }>('GET', '/api/auth/me');
      for (const change of [{ active: false }, { admin: false }]) {
        const response = await admin.request('PATCH', `/api/users/${me.body.user.id}`, change);
        expect(response.status).toBe(409);
      }
    });

    it('changes name, organisation and admin rights; refuses unknown fields and accounts', async () => {
      const user = await invite('Els');
      const patched = await admin.request<PublicUser>('PATCH', `/api/users/${user.id}`, {
        name: 'Els de Boer',
        municipality: 'GM0363',
        admin: true,
      });
      expect(patched.body).toMatchObject({
        name: 'Els de Boer',
        municipality: 'GM0363',
        admin: true,
      });
      expect(
        (await admin.request('PATCH', `/api/users/${user.id}`, { email: 'x@y.z' })).status,
      ).toBe(400);
      expect((await admin.request('PATCH', '/api/users/onbekend', { admin: true })).status).toBe(
        404,
      );
      const { client } = await createPerson(admin, `Geen Beheerder ${++counter}`, 'GM0344');
      expect(
        (await client.request('PATCH', `/api/users/${user.id}`, { admin: false })).status,
      ).toBe(403);
    });
  });

  describe('the account list', () => {
    it('searches, filters and pages, with the total in a header', async () => {
      const tag = `zoek${++counter}`;
      for (const [name, municipality] of [
        [`Anna ${tag}`, 'GM0363'],
        [`Bram ${tag}`, 'GM0363'],
        [`Cora ${tag}`, 'GM0344'],
      ] as const) {
        await admin.request('POST', '/api/users', {
          email: `${name.split(' ')[0]!.toLowerCase()}.${tag}@gemeente.test`,
          name,
          municipality,
        });
      }
      const page = await admin.request<PublicUser[]>(
        'GET',
        `/api/users?q=${tag.toUpperCase()}&municipality=GM0363&limit=1&offset=1`,
      );
      expect(page.headers.get(USER_TOTAL_HEADER)).toBe('2');
      expect(page.body.map((user) => user.name)).toStrictEqual([`Bram ${tag}`]);
      const admins = await admin.request<PublicUser[]>('GET', '/api/users?admin=true');
      expect(admins.body.every((user) => user.admin)).toBe(true);
      expect((await admin.request('GET', '/api/users?active=misschien')).status).toBe(400);
      expect((await admin.request('GET', '/api/users?limit=0')).status).toBe(400);
    });
  });

  describe('bulk import', () => {
    const tag = () => `imp${++counter}`;

    it('checks a dry run per line and creates nothing', async () => {
      const t = tag();
      const csv = `email,name,municipality,admin\r\na.${t}@amsterdam.nl,Anouk ${t},GM0363,nee\r\nb.${t}@utrecht.nl,Bert ${t},Utrecht,\r\n`;
      const response = await postImport(admin, csv, '?dryRun=true');
      expect(response.status).toBe(200);
      const report = response.body as ImportReport;
      expect(report.dryRun).toBe(true);
      expect(report.lines).toMatchObject([
        {
          line: 2,
          email: `a.${t}@amsterdam.nl`,
          municipality: 'GM0363',
          outcome: 'created',
          id: null,
        },
        {
          line: 3,
          email: `b.${t}@utrecht.nl`,
          municipality: 'GM0344',
          outcome: 'created',
          id: null,
        },
      ]);
      const list = await admin.request<PublicUser[]>('GET', `/api/users?q=${t}`);
      expect(list.body).toHaveLength(0);
    });

    it('creates the accounts, reports existing ones and mails each new one an invitation', async () => {
      const t = tag();
      const { user: existing } = await createPerson(admin, `Bestaand ${t}`, 'GM0344');
      const csv = [
        'email;name;municipality',
        `c.${t}@amsterdam.nl;"Vries, Carla de";Amsterdam`,
        `${existing.email};Bestaand;GM0344`,
        '',
        `d.${t}@vng.nl;Daan ${t};VNG`,
      ].join('\n');
      const response = await postImport(admin, csv);
      expect(response.status).toBe(200);
      const report = response.body as ImportReport;
      expect(report.created.map((each) => each.email)).toStrictEqual([
        `c.${t}@amsterdam.nl`,
        `d.${t}@vng.nl`,
      ]);
      expect(report.existing).toStrictEqual([existing.email]);
      expect(report.lines.map((l) => l.line)).toStrictEqual([2, 3, 5]);
      const { mail } = await mailTo(`c.${t}@amsterdam.nl`, '/welkom');
      expect(mail.text).toContain('Beste Vries, Carla de');
      await mailTo(`d.${t}@vng.nl`, '/welkom');
      const list = await admin.request<PublicUser[]>('GET', `/api/users?q=${t}`);
      expect(list.body.map((user) => [user.name, user.signIn])).toEqual(
        expect.arrayContaining([['Vries, Carla de', 'invited']]),
      );
      const events = await admin.request<AuditEvent[]>('GET', '/api/audit');
      expect(events.body).toContainEqual(
        expect.objectContaining({ type: 'user.imported', created: 2, existing: 1, invited: true }),
      );
    });

    it('imports JSON, without invitations when asked', async () => {
      const t = tag();
      const before = smtp.received.length;
      const response = await postImport(
        admin,
        JSON.stringify({
          users: [
            { email: `e.${t}@utrecht.nl`, name: `Eva ${t}`, municipality: 'GM0344', admin: true },
          ],
        }),
        '?invite=false',
        'application/json',
      );
      expect(response.status).toBe(200);
      expect((response.body as ImportReport).lines[0]).toMatchObject({ line: 1, admin: true });
      const list = await admin.request<PublicUser[]>('GET', `/api/users?q=${t}`);
      expect(list.body[0]).toMatchObject({ admin: true, signIn: 'invited' });
      // Give a mail that should not exist the time to arrive.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(smtp.received.length).toBe(before);
    });

    it('refuses a file with bad lines, naming each line, and creates nothing', async () => {
      const t = tag();
      const csv = [
        'email,name,municipality',
        `f.${t}@amsterdam.nl,Fleur,GM0363`,
        `geen-adres,Gijs,GM0363`,
        `h.${t}@amsterdam.nl,Hanna,Atlantis`,
        `F.${t}@Amsterdam.nl,Fleur opnieuw,GM0363`,
        `i.${t}@amsterdam.nl,,GM0363`,
      ].join('\n');
      const response = await postImport(admin, csv);
      expect(response.status).toBe(400);
      const { lines } = response.body as { lines: ImportLineError[] };
      expect(lines.map((l) => l.line)).toStrictEqual([3, 4, 5, 6]);
      expect(lines[0]!.message).toMatch(/geen geldig e-mailadres/);
      expect(lines[1]!.message).toMatch(/Onbekende gemeente "Atlantis"/);
      expect(lines[2]!.message).toMatch(/staat ook al op regel 2/);
      expect(lines[3]!.message).toMatch(/naam ontbreekt/);
      const list = await admin.request<PublicUser[]>('GET', `/api/users?q=${t}`);
      expect(list.body).toHaveLength(0);
    });

    it('refuses a malformed CSV and a wrong header with line numbers', async () => {
      const unclosed = await postImport(admin, 'email,name,municipality\nx@y.nl,"Open,GM0363\n');
      expect(unclosed.status).toBe(400);
      expect((unclosed.body as { lines: ImportLineError[] }).lines[0]!.message).toMatch(
        /aanhalingsteken/,
      );
      const header = await postImport(admin, 'mail,naam\nx@y.nl,X\n');
      expect((header.body as { lines: ImportLineError[] }).lines).toMatchObject([{ line: 1 }]);
    });

    it('refuses a file over 5 MB with 413, and anyone but an admin with 403', async () => {
      const big = `email,name,municipality\n${'x'.repeat(IMPORT_MAX_BYTES)}\n`;
      expect((await postImport(admin, big)).status).toBe(413);
      const { client } = await createPerson(admin, `Geen Admin ${++counter}`, 'GM0344');
      expect((await postImport(client, 'email,name,municipality\n')).status).toBe(403);
    });
  });

  it('keeps the first admin signed in through all of this', async () => {
    expect((await admin.request('GET', '/api/auth/me')).body).toMatchObject({
      user: { email: ADMIN.email, active: true, signIn: 'password' },
    });
  });
});
