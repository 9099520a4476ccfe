/**
 * Identifiers in URLs come from the server (paper, thread and draft ids); whatever else a
 * client puts there — traversal, encoded traversal, very long, control characters, lookalike
 * characters — gets 400 or 404 in JSON, and no file appears anywhere, in DATA_DIR or beside it.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/createServer.js';
import {
  createPaper,
  createPerson,
  signInAsAdmin,
  startTestServer,
  type ApiClient,
} from './helpers.js';
import { rawRequest, rawRequestLine, rawUpgrade } from './rawHttp.js';

/** Values no server ever hands out, as they appear in a request target (already encoded). */
const HOSTILE: Record<string, string> = {
  'dot-dot': '..',
  dot: '.',
  traversal: '../x',
  'deep traversal': '../../../../../../etc/passwd',
  'encoded dot-dot': '%2e%2e',
  'encoded traversal': '%2e%2e%2fx',
  'half-encoded traversal': '..%2fx',
  'upper-case encoded traversal': '%2E%2E%2Fx',
  'double-encoded traversal': '%252e%252e%252fx',
  'backslash traversal': '..\\x',
  'encoded backslash traversal': '..%5cx',
  'overlong UTF-8 dot-dot': '%c0%ae%c0%ae%c0%afx',
  'malformed escape': '%zz',
  'lone percent': '%',
  'very long': 'a'.repeat(10_000),
  NUL: '%00',
  'NUL inside': 'abc%00def',
  newline: '%0a',
  'header injection': 'x%0d%0aSet-Cookie:%20a=b',
  'unit separator': '%1f',
  DEL: '%7f',
  'fullwidth dot-dot-slash': '%EF%BC%8E%EF%BC%8E%EF%BC%8Fx',
  'two-dot leader': '%E2%80%A5',
  'division slash traversal': '..%E2%88%95x',
  'fullwidth letters': '%EF%BD%90%EF%BD%81%EF%BD%90%EF%BD%85%EF%BD%92',
  'Greek capital alpha': '%CE%91%CE%91%CE%91%CE%91%CE%91%CE%91%CE%91%CE%91',
  space: '%20',
  'JSON file name': 'standpunt.json',
};

interface Ids {
  id: string;
  threadId: string;
  n: string;
  m: string;
  userId: string;
  blockId: string;
}

interface Route {
  method: string;
  path: string;
  body?: unknown;
}

/** Every route with an id in its path, with a body that is valid, so the id is what is judged. */
const ROUTES: Route[] = [
  { method: 'GET', path: '/api/papers/:id' },
  { method: 'PATCH', path: '/api/papers/:id', body: { title: 'Nieuwe titel' } },
  { method: 'GET', path: '/api/papers/:id/members' },
  { method: 'PUT', path: '/api/papers/:id/members/:userId', body: { role: 'reader' } },
  { method: 'DELETE', path: '/api/papers/:id/members/:userId' },
  { method: 'GET', path: '/api/papers/:id/threads' },
  { method: 'POST', path: '/api/papers/:id/threads', body: { kind: 'comment', body: 'Reactie' } },
  { method: 'PATCH', path: '/api/papers/:id/threads/:threadId', body: { body: 'Anders' } },
  { method: 'DELETE', path: '/api/papers/:id/threads/:threadId' },
  { method: 'POST', path: '/api/papers/:id/threads/:threadId/replies', body: { body: 'Antwoord' } },
  {
    method: 'POST',
    path: '/api/papers/:id/threads/:threadId/disposition',
    body: { status: 'resolved', rationale: 'Verwerkt' },
  },
  {
    method: 'PUT',
    path: '/api/papers/:id/positions/:blockId',
    body: { stance: 'steunt', explanation: '' },
  },
  { method: 'GET', path: '/api/papers/:id/drafts' },
  { method: 'POST', path: '/api/papers/:id/drafts', body: { label: 'Versie' } },
  { method: 'GET', path: '/api/papers/:id/drafts/:n' },
  { method: 'GET', path: '/api/papers/:id/drafts/:n/export?format=json' },
  { method: 'GET', path: '/api/papers/:id/drafts/:n/compare/:m' },
  { method: 'GET', path: '/api/papers/:id/reactienota?format=csv' },
  { method: 'GET', path: '/api/papers/:id/archive' },
];

const paramsOf = (route: Route) =>
  [...route.path.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1] as keyof Ids);

function fill(route: Route, ids: Ids, hostile: keyof Ids, value: string): string {
  return route.path.replace(/:([A-Za-z]+)/g, (_, name: keyof Ids) =>
    name === hostile ? value : ids[name],
  );
}

/** Every path under `dir`, with sizes left out: which files exist, not what they hold. */
async function listing(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))).sort();
}

describe('identifiers and paths', () => {
  let parent: string;
  let server: RunningServer;
  let editor: ApiClient;
  let ids: Ids;

  beforeAll(async () => {
    // DATA_DIR gets a parent of its own, so that any file written beside it shows.
    parent = await fs.mkdtemp(path.join(os.tmpdir(), 'standpunt-ids-'));
    server = await startTestServer({ dataDir: path.join(parent, 'data') });
    const admin = await signInAsAdmin(server);
    // A municipality's editor: the VNG may not take positions, which would answer 403 first.
    editor = (await createPerson(admin, 'Eva Redacteur', 'GM0363')).client;
    const writer = await createPerson(admin, 'Wim Schrijver', 'GM0344');
    const paper = await createPaper(editor);
    const member = await editor.request(
      'PUT',
      `/api/papers/${paper.id}/members/${writer.user.id}`,
      {
        role: 'writer',
      },
    );
    const thread = await editor.request<{ id: string }>('POST', `/api/papers/${paper.id}/threads`, {
      kind: 'comment',
      body: 'Een eerste reactie',
    });
    const draft = await editor.request<{ number: number }>(
      'POST',
      `/api/papers/${paper.id}/drafts`,
      {
        label: 'Eerste versie',
      },
    );
    expect([member.status, thread.status, draft.status]).toEqual([200, 201, 201]);
    ids = {
      id: paper.id,
      threadId: thread.body.id,
      n: String(draft.body.number),
      m: 'live',
      userId: writer.user.id,
      blockId: 'paper',
    };
  });

  afterAll(async () => {
    await server?.stop();
    await fs.rm(parent, { recursive: true, force: true });
  });

  it('answers every hostile id on every route with 400 or 404 in JSON, and writes no file', async () => {
    const before = await listing(parent);
    const headers = { Origin: server.url, Cookie: editor.cookie ?? '' };
    const wrong: string[] = [];
    let tried = 0;
    for (const route of ROUTES) {
      for (const param of paramsOf(route)) {
        for (const [name, value] of Object.entries(HOSTILE)) {
          const target = fill(route, ids, param, value);
          const response = await rawRequest(server.url, route.method, target, headers, route.body);
          tried++;
          let code: unknown;
          try {
            code = (JSON.parse(response.body) as { error?: { code?: unknown } }).error?.code;
          } catch {
            code = undefined;
          }
          if (![400, 404].includes(response.status) || typeof code !== 'string') {
            wrong.push(
              `${route.method} ${route.path} ${param}=${name}: ${response.status} ${response.body.slice(0, 80)}`,
            );
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(tried).toBeGreaterThan(500);
    expect(await listing(parent)).toEqual(before);
  });

  it('refuses raw control characters in the request line with 400 and keeps serving', async () => {
    for (const target of [
      `/api/papers/\x01`,
      `/api/papers/${ids.id}/drafts/\x7f`,
      '/collab/\x00',
    ]) {
      expect(await rawRequestLine(server.url, `GET ${target} HTTP/1.1`)).toBe(400);
    }
    const health = await rawRequest(server.url, 'GET', '/healthz');
    expect(health.status).toBe(200);
  });

  it('refuses hostile collaboration paths with HTTP 400 before any websocket exists', async () => {
    const headers = { Origin: server.url, Cookie: editor.cookie ?? '' };
    const paths = [
      '/collab/../x',
      '/collab/..',
      '/collab/%2e%2e/x',
      '/collab/%2e%2e%2fx',
      '/collab/..%2fx',
      `/collab/x/../${ids.id}`,
      `/collab/%2e%2e/collab/${ids.id}`,
      `/x/../collab/${ids.id}`,
      `/collab/${ids.id}/../../x`,
      `/collab/${ids.id}/threads/../x`,
      `/collab/${ids.id}%2fthreads`,
      `/collab/${ids.id}\\..\\x`,
      `/collab/${'a'.repeat(10_000)}`,
      '/collab/%00',
      '/collab/x%0ay',
      '/collab/%EF%BC%8E%EF%BC%8E%EF%BC%8Fx',
      '/collab/%EF%BD%90%EF%BD%81%EF%BD%90%EF%BD%85%EF%BD%92',
      `/collab/${ids.id}/notes`,
      '/collab/',
      '/collab',
      '/elsewhere',
    ];
    const before = await listing(parent);
    const statuses = await Promise.all(paths.map((p) => rawUpgrade(server.url, p, headers)));
    expect(Object.fromEntries(paths.map((p, i) => [p.slice(0, 60), statuses[i]]))).toEqual(
      Object.fromEntries(paths.map((p) => [p.slice(0, 60), 400])),
    );
    // The real room still opens.
    expect(await rawUpgrade(server.url, `/collab/${ids.id}`, headers)).toBe(101);
    expect(await listing(parent)).toEqual(before);
  });
});
