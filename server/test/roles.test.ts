import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PAPER_ROLES,
  type AuditEvent,
  type PaperMember,
  type PaperSummary,
  type Phase,
} from '@standpunt/shared';
import type { RunningServer } from '../src/createServer.js';
import {
  ApiClient,
  createCast,
  paperInPhase,
  signInAsAdmin,
  startTestServer,
  type Cast,
} from './helpers.js';

let server: RunningServer;
let admin: ApiClient;
let people: Cast;

beforeAll(async () => {
  server = await startTestServer();
  admin = await signInAsAdmin(server);
  people = await createCast(admin);
});
afterAll(async () => {
  await server.stop();
});

const paperIn = (phase: Phase) => paperInPhase(people, phase);

describe('paper rights on REST, per role and phase', () => {
  const phases: Phase[] = ['concept', 'consultatie', 'voorgedragen', 'vastgesteld', 'ingetrokken'];
  for (const phase of phases) {
    it(`in ${phase}: who may read and who may manage`, async () => {
      const id = await paperIn(phase);
      for (const who of [...PAPER_ROLES, 'outsider'] as const) {
        const read = await people[who].client.request('GET', `/api/papers/${id}`);
        const mayRead = who !== 'outsider' || phase === 'consultatie';
        expect(read.status, `${who} reads in ${phase}`).toBe(mayRead ? 200 : 404);

        const rename = await people[who].client.request('PATCH', `/api/papers/${id}`, {
          title: `Door ${who}`,
        });
        const mayManage = who === 'editor' && phase !== 'vastgesteld' && phase !== 'ingetrokken';
        expect(rename.status, `${who} renames in ${phase}`).toBe(
          mayManage ? 200 : mayRead ? 403 : 404,
        );
      }
    });
  }

  it('keeps at least one editor', async () => {
    const id = await paperIn('concept');
    const demote = await people.editor.client.request(
      'PUT',
      `/api/papers/${id}/members/${people.editor.id}`,
      {
        role: 'writer',
      },
    );
    expect(demote.status).toBe(409);
    const remove = await people.editor.client.request(
      'DELETE',
      `/api/papers/${id}/members/${people.editor.id}`,
    );
    expect(remove.status).toBe(409);
    await people.editor.client.request('PUT', `/api/papers/${id}/members/${people.writer.id}`, {
      role: 'editor',
    });
    const members = await people.editor.client.request<PaperMember[]>(
      'DELETE',
      `/api/papers/${id}/members/${people.editor.id}`,
    );
    expect(members.status).toBe(200);
    expect(members.body.filter((m) => m.role === 'editor').map((m) => m.userId)).toEqual([
      people.writer.id,
    ]);
  });

  it('lets every signed-in person look colleagues up, without password hashes', async () => {
    const response = await people.reader.client.request<Array<Record<string, unknown>>>(
      'GET',
      '/api/users/directory',
    );
    expect(response.status).toBe(200);
    expect(response.body.map((entry) => entry.name)).toContain('Eva Redacteur');
    expect(Object.keys(response.body[0] ?? {}).sort()).toEqual([
      'email',
      'id',
      'municipality',
      'name',
    ]);
    expect((await new ApiClient(server.url).request('GET', '/api/users/directory')).status).toBe(
      401,
    );
  });

  it('sets and clears a consultation closing date, stored in UTC', async () => {
    const id = await paperIn('consultatie');
    const set = await people.editor.client.request<PaperSummary>('PATCH', `/api/papers/${id}`, {
      closesAt: '2027-03-01T17:00:00+01:00',
    });
    expect(set.body.closesAt).toBe('2027-03-01T16:00:00.000Z');
    const bad = await people.editor.client.request('PATCH', `/api/papers/${id}`, {
      closesAt: 'morgen',
    });
    expect(bad.status).toBe(400);
    const cleared = await people.editor.client.request<PaperSummary>('PATCH', `/api/papers/${id}`, {
      closesAt: null,
    });
    expect(cleared.body.closesAt).toBeNull();
  });

  it('lets no writer manage members', async () => {
    const id = await paperIn('concept');
    const response = await people.writer.client.request(
      'PUT',
      `/api/papers/${id}/members/${people.outsider.id}`,
      {
        role: 'reader',
      },
    );
    expect(response.status).toBe(403);
  });
});

describe('audit trail', () => {
  it('records sign-ins, role and phase changes, and shows editors only their papers', async () => {
    const id = await paperIn('consultatie');
    await new ApiClient(server.url).request('POST', '/api/auth/login', {
      email: 'nobody@example.nl',
      password: 'onjuist-wachtwoord',
    });

    const all = await admin.request<AuditEvent[]>('GET', '/api/audit');
    const types = new Set(all.body.map((event) => event.type));
    for (const type of [
      'auth.login',
      'auth.login_failed',
      'user.created',
      'member.role_set',
      'paper.phase_changed',
    ]) {
      expect(types, type).toContain(type);
    }
    const failed = all.body.find((event) => event.type === 'auth.login_failed');
    expect(failed).toMatchObject({ actor: null, email: 'nobody@example.nl' });

    const mine = await people.editor.client.request<AuditEvent[]>('GET', `/api/audit?paper=${id}`);
    expect(mine.status).toBe(200);
    expect(mine.body.map((event) => event.type)).toEqual([
      'paper.created',
      'member.role_set',
      'member.role_set',
      'member.role_set',
      // Moving to consultatie freezes the consultation draft first.
      'draft.frozen',
      'paper.phase_changed',
    ]);
    expect(mine.body.every((event) => event.paperId === id)).toBe(true);

    const editorsAll = await people.editor.client.request<AuditEvent[]>('GET', '/api/audit');
    expect(editorsAll.body.some((event) => event.type === 'user.created')).toBe(false);
    expect((await people.writer.client.request('GET', `/api/audit?paper=${id}`)).status).toBe(403);

    const byActor = await admin.request<AuditEvent[]>(
      'GET',
      `/api/audit?actor=${people.editor.id}`,
    );
    expect(byActor.body.length).toBeGreaterThan(0);
    expect(byActor.body.every((event) => event.actor?.userId === people.editor.id)).toBe(true);
    const future = await admin.request<AuditEvent[]>('GET', '/api/audit?from=2999-01-01');
    expect(future.body).toEqual([]);
  });

  it('downloads as CSV', async () => {
    const response = await fetch(`${server.url}/api/audit?format=csv`, {
      headers: { Cookie: admin.cookie ?? '' },
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, ...rows] = (await response.text()).trimEnd().split('\r\n');
    expect(header).toBe('seq,at,type,actor,municipality,paperId,details');
    expect(rows.length).toBeGreaterThan(3);
    const all = await admin.request<AuditEvent[]>('GET', '/api/audit');
    expect(rows.map((row) => Number(row.split(',')[0]))).toStrictEqual(
      all.body.map((event) => event.seq),
    );
  });

  it('answers the last events that match, the number matching in X-Total-Count', async () => {
    const all = await admin.request<AuditEvent[]>('GET', '/api/audit');
    expect(all.headers.get('x-total-count')).toBe(String(all.body.length));
    const last = await admin.request<AuditEvent[]>('GET', '/api/audit?limit=2');
    expect(last.body).toStrictEqual(all.body.slice(-2));
    expect(last.headers.get('x-total-count')).toBe(String(all.body.length));
    expect((await admin.request('GET', '/api/audit?limit=0')).status).toBe(400);
    expect((await admin.request('GET', '/api/audit?limit=10001')).status).toBe(400);
  });
});
