/**
 * Threads and positions against the real server: anchors that follow concurrent edits,
 * orphaning, server-stamped authors, accepting suggestions, and what bad input gets.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { THREADS_MAP, type ApiErrorBody, type Position, type Thread } from '@standpunt/shared';
import type { RunningServer } from '../src/createServer.js';
import { isOrphaned, resolveAnchor } from '../src/threads/contentAnchors.js';
import { CollabClient } from './CollabClient.js';
import { anchorAround, blockText, blockTexts } from './contentHelpers.js';
import { createCast, paperInPhase, signInAsAdmin, startTestServer, type Cast } from './helpers.js';

const TEXT = 'Gemeenten kopen samen in via één centraal loket.';

let server: RunningServer;
let cast: Cast;
let adminCookie: string | undefined;
const open: CollabClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const admin = await signInAsAdmin(server);
  adminCookie = admin.cookie;
  cast = await createCast(admin);
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((client) => client.close()));
});
afterAll(async () => {
  await server.stop();
});

function connect(
  who: keyof Cast,
  paperId: string,
  doc: 'content' | 'threads' = 'content',
): CollabClient {
  const client = new CollabClient(server.url, paperId, { cookie: cast[who].client.cookie, doc });
  open.push(client);
  return client;
}

/** A concept paper whose second block holds TEXT, written live by the writer. */
async function paperWithText(): Promise<{ paperId: string; writer: CollabClient }> {
  const paperId = await paperInPhase(cast, 'concept');
  const writer = connect('writer', paperId);
  await writer.synced;
  blockText(writer.doc, 1).insert(0, TEXT);
  await writer.roundTrip();
  return { paperId, writer };
}

function postThread(who: keyof Cast, paperId: string, body: unknown) {
  return cast[who].client.request<Thread & ApiErrorBody>(
    'POST',
    `/api/papers/${paperId}/threads`,
    body,
  );
}

function dispose(paperId: string, threadId: string, body: unknown) {
  return cast.editor.client.request<Thread & ApiErrorBody>(
    'POST',
    `/api/papers/${paperId}/threads/${threadId}/disposition`,
    body,
  );
}

/** The server's view of a thread's anchor right now. */
function serverAnchor(paperId: string, thread: Thread) {
  return server.collab.withPaper(paperId, (paper) => {
    const resolved = thread.anchor && resolveAnchor(paper.content.doc, thread.anchor);
    return { text: resolved?.text ?? null, orphaned: isOrphaned(thread.quote, resolved ?? null) };
  });
}

describe('creating threads', () => {
  it('stamps author and municipality from the session, ignoring any sent', async () => {
    const { paperId, writer } = await paperWithText();
    const response = await postThread('commenter', paperId, {
      kind: 'comment',
      anchor: anchorAround(writer.doc, 'centraal loket'),
      quote: 'centraal loket',
      body: 'Waarom centraal?',
      author: { userId: cast.editor.id, name: 'Eva Redacteur', municipality: 'GM0363' },
    });
    expect(response.status).toBe(201);
    expect(response.body.author).toEqual({
      userId: cast.commenter.id,
      name: 'Carla Commentaar',
      municipality: 'GM0599',
    });
    expect(response.body).toMatchObject({
      quote: 'centraal loket',
      status: 'open',
      context: { after: '.' },
    });
    expect(response.body.context.before).toBe('Gemeenten kopen samen in via één ');
  });

  it('publishes threads live in the read-only threads doc', async () => {
    const { paperId, writer } = await paperWithText();
    const watcher = connect('reader', paperId, 'threads');
    await watcher.synced;
    const created = await postThread('commenter', paperId, {
      kind: 'suggestion',
      anchor: anchorAround(writer.doc, 'samen'),
      quote: 'samen',
      replacement: 'gezamenlijk',
      body: 'Formeler.',
    });
    await expect
      .poll(() => watcher.doc.getMap<Thread>(THREADS_MAP).get(created.body.id)?.replacement)
      .toBe('gezamenlijk');
  });

  it('accepts a comment on the paper as a whole', async () => {
    const { paperId } = await paperWithText();
    const response = await postThread('commenter', paperId, {
      kind: 'comment',
      body: 'Goed stuk.',
    });
    expect(response.status).toBe(201);
    expect(response.body.anchor).toBeNull();
  });

  it('refuses bad input with the right status', async () => {
    const { paperId, writer } = await paperWithText();
    const anchor = anchorAround(writer.doc, 'samen');
    const other = await paperWithText();
    const foreignAnchor = anchorAround(other.writer.doc, 'samen');
    const cases: Array<[keyof Cast, unknown, number]> = [
      [
        'commenter',
        { kind: 'comment', anchor: { from: 'AAAA', to: '!!' }, quote: 'samen', body: 'x' },
        400,
      ],
      [
        'commenter',
        { kind: 'comment', anchor: { from: 'AAAA', to: 'AAAA' }, quote: 'samen', body: 'x' },
        400,
      ],
      ['commenter', { kind: 'comment', anchor: foreignAnchor, quote: 'samen', body: 'x' }, 400],
      ['commenter', { kind: 'comment', anchor, quote: 'niet dit', body: 'x' }, 400],
      ['commenter', { kind: 'comment', anchor, quote: 'samen', body: '   ' }, 400],
      ['commenter', { kind: 'suggestion', anchor, quote: 'samen', body: 'x' }, 400],
      ['reader', { kind: 'comment', anchor, quote: 'samen', body: 'Mag ik?' }, 403],
      ['outsider', { kind: 'comment', anchor, quote: 'samen', body: 'Mag ik?' }, 404],
    ];
    // An anchor at the start of a root type of its own: refused, and no such root is made.
    const rootAnchor = Buffer.from(
      Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(new Y.Doc().getText('x'), 0)),
    ).toString('base64');
    cases.push([
      'commenter',
      { kind: 'comment', anchor: { from: rootAnchor, to: rootAnchor }, quote: '', body: 'x' },
      400,
    ]);
    for (const [who, body, status] of cases) {
      const response = await postThread(who, paperId, body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(response.body.error.message.length).toBeGreaterThan(0);
    }
    const roots = await server.collab.withPaper(paperId, (paper) => [
      ...paper.content.doc.share.keys(),
    ]);
    expect(roots).not.toContain('x');
    const unknown = await cast.commenter.client.request(
      'POST',
      `/api/papers/${paperId}/threads/00000000-0000-4000-8000-000000000000/replies`,
      { body: 'Hallo?' },
    );
    expect(unknown.status).toBe(404);
    expect(
      (
        await cast.commenter.client.request('POST', `/api/papers/${paperId}/threads/../x/replies`, {
          body: 'x',
        })
      ).status,
    ).toBe(404);
  });
});

describe('anchors', () => {
  it('follow concurrent inserts and deletes by another client', async () => {
    const { paperId, writer } = await paperWithText();
    const created = await postThread('commenter', paperId, {
      kind: 'suggestion',
      anchor: anchorAround(writer.doc, 'één centraal loket'),
      quote: 'één centraal loket',
      replacement: 'regionale loketten',
      body: 'Past beter bij de praktijk.',
    });
    const text = blockText(writer.doc, 1);
    text.insert(0, 'Vanaf 2027: ');
    text.delete(text.toString().indexOf(' samen'), ' samen'.length);
    text.insert(text.length - 1, ' voor inwoners');
    await writer.roundTrip();
    expect(blockTexts(writer.doc)[1]).toBe(
      'Vanaf 2027: Gemeenten kopen in via één centraal loket voor inwoners.',
    );
    expect(await serverAnchor(paperId, created.body)).toEqual({
      text: 'één centraal loket',
      orphaned: false,
    });

    const accepted = await dispose(paperId, created.body.id, { status: 'accepted' });
    expect(accepted.status).toBe(200);
    const applied = 'Vanaf 2027: Gemeenten kopen in via regionale loketten voor inwoners.';
    await expect.poll(() => blockTexts(writer.doc)[1]).toBe(applied);

    // Once in the text, it stays accepted: neither reopened nor applied a second time.
    for (const status of ['open', 'rejected', 'accepted'] as const) {
      const again = await dispose(paperId, created.body.id, { status, rationale: 'Toch niet' });
      expect(again.status, status).toBe(status === 'accepted' ? 200 : 409);
    }
    await writer.roundTrip();
    expect(blockTexts(writer.doc)[1]).toBe(applied);
    const threads = await cast.editor.client.request<{ threads: Thread[] }>(
      'GET',
      `/api/papers/${paperId}/threads`,
    );
    expect(threads.body.threads.find((t) => t.id === created.body.id)?.status).toBe('accepted');
  });

  it('orphan a thread whose text was deleted, and accepting it then changes nothing', async () => {
    const { paperId, writer } = await paperWithText();
    const created = await postThread('commenter', paperId, {
      kind: 'suggestion',
      anchor: anchorAround(writer.doc, 'centraal'),
      quote: 'centraal',
      replacement: 'digitaal',
      body: 'Digitaal is duidelijker.',
    });
    const text = blockText(writer.doc, 1);
    text.delete(text.toString().indexOf('één centraal loket'), 'één centraal loket'.length);
    text.insert(text.toString().indexOf('.'), 'een centraal punt');
    await writer.roundTrip();
    // Look-alike text ("centraal" again) must not catch the orphaned anchor.
    expect(await serverAnchor(paperId, created.body)).toMatchObject({ orphaned: true });
    const accepted = await dispose(paperId, created.body.id, { status: 'accepted' });
    expect(accepted.status).toBe(409);
    expect(blockTexts(writer.doc)[1]).toBe('Gemeenten kopen samen in via een centraal punt.');
  });

  it('keep overlapping threads on the same text', async () => {
    const { paperId, writer } = await paperWithText();
    const a = await postThread('commenter', paperId, {
      kind: 'comment',
      anchor: anchorAround(writer.doc, 'centraal loket'),
      quote: 'centraal loket',
      body: 'Eén',
    });
    const b = await postThread('editor', paperId, {
      kind: 'comment',
      anchor: anchorAround(writer.doc, 'één centraal'),
      quote: 'één centraal',
      body: 'Twee',
    });
    expect(await serverAnchor(paperId, a.body)).toEqual({
      text: 'centraal loket',
      orphaned: false,
    });
    expect(await serverAnchor(paperId, b.body)).toEqual({ text: 'één centraal', orphaned: false });
  });
});

describe('processing', () => {
  it('refuses to accept a suggestion whose quote changed (409) and leaves the text alone', async () => {
    const { paperId, writer } = await paperWithText();
    const created = await postThread('commenter', paperId, {
      kind: 'suggestion',
      anchor: anchorAround(writer.doc, 'centraal loket'),
      quote: 'centraal loket',
      replacement: '',
      body: 'Schrappen.',
    });
    const text = blockText(writer.doc, 1);
    text.insert(text.toString().indexOf('loket'), 'digitaal ');
    await writer.roundTrip();
    const response = await dispose(paperId, created.body.id, { status: 'accepted' });
    expect(response.status).toBe(409);
    expect(response.body.error.message).toContain('centraal digitaal loket');
    expect(blockTexts(writer.doc)[1]).toBe(
      'Gemeenten kopen samen in via één centraal digitaal loket.',
    );
    const thread = (
      await cast.editor.client.request<{ threads: Thread[] }>(
        'GET',
        `/api/papers/${paperId}/threads`,
      )
    ).body.threads[0];
    expect(thread?.status).toBe('open');
  });

  it('requires a rationale to reject, lets only editors process, and audits it', async () => {
    const { paperId, writer } = await paperWithText();
    const created = await postThread('commenter', paperId, {
      kind: 'comment',
      anchor: anchorAround(writer.doc, 'samen'),
      quote: 'samen',
      body: 'Hoe dan?',
    });
    const url = `/api/papers/${paperId}/threads/${created.body.id}/disposition`;
    expect((await cast.writer.client.request('POST', url, { status: 'resolved' })).status).toBe(
      403,
    );
    expect((await dispose(paperId, created.body.id, { status: 'rejected' })).status).toBe(400);
    const rejected = await dispose(paperId, created.body.id, {
      status: 'rejected',
      rationale: 'Buiten scope.',
    });
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      disposition: { rationale: 'Buiten scope.' },
    });
    const reopened = await dispose(paperId, created.body.id, { status: 'open' });
    expect(reopened.body).toMatchObject({ status: 'open', disposition: null });
    const audit = await cast.editor.client.request<Array<{ type: string; status?: string }>>(
      'GET',
      `/api/audit?paper=${paperId}`,
    );
    expect(audit.body.filter((e) => e.type === 'thread.processed').map((e) => e.status)).toEqual([
      'rejected',
      'open',
    ]);
  });

  it('lets the author edit and withdraw an own open thread, and nobody else', async () => {
    const { paperId } = await paperWithText();
    const created = await postThread('commenter', paperId, {
      kind: 'comment',
      body: 'Eerste versie',
    });
    const url = `/api/papers/${paperId}/threads/${created.body.id}`;
    expect((await cast.writer.client.request('PATCH', url, { body: 'Gekaapt' })).status).toBe(403);
    const edited = await cast.commenter.client.request<Thread>('PATCH', url, {
      body: 'Tweede versie',
    });
    expect(edited.body.body).toBe('Tweede versie');
    const replied = await cast.writer.client.request<Thread>('POST', `${url}/replies`, {
      body: 'Dank!',
    });
    expect(replied.status).toBe(201);
    expect(replied.body.replies.map((r) => [r.author.name, r.body])).toEqual([
      ['Wim Schrijver', 'Dank!'],
    ]);
    const withdrawn = await cast.commenter.client.request<Thread>('DELETE', url);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await cast.commenter.client.request('PATCH', url, { body: 'Te laat' })).status).toBe(
      409,
    );
  });
});

describe('positions', () => {
  it('keep one current position per municipality per block, with history', async () => {
    const { paperId, writer } = await paperWithText();
    const blockId = (writer.doc.getXmlFragment('default').get(1) as Y.XmlElement).getAttribute(
      'id',
    ) as string;
    const url = `/api/papers/${paperId}/positions/${blockId}`;
    const first = await cast.commenter.client.request<Position>('PUT', url, { stance: 'steunt' });
    expect(first.status).toBe(200);
    const second = await cast.commenter.client.request<Position>('PUT', url, {
      stance: 'steunt-niet',
      explanation: 'Te centraal.',
    });
    expect(second.body).toMatchObject({ stance: 'steunt-niet', municipality: 'GM0599', blockId });
    expect(second.body.history.map((h) => h.stance)).toEqual(['steunt']);
    await cast.writer.client.request('PUT', url, {
      stance: 'steunt-met-wijzigingen',
      explanation: 'Kleiner.',
    });
    await cast.writer.client.request('PUT', `/api/papers/${paperId}/positions/paper`, {
      stance: 'steunt',
    });

    const { positions } = (
      await cast.editor.client.request<{ positions: Position[] }>(
        'GET',
        `/api/papers/${paperId}/threads`,
      )
    ).body;
    expect(
      positions
        .filter((p) => p.blockId === blockId)
        .map((p) => [p.municipality, p.stance])
        .sort(),
    ).toEqual([
      ['GM0344', 'steunt-met-wijzigingen'],
      ['GM0599', 'steunt-niet'],
    ]);
    expect(positions.some((p) => p.blockId === 'paper' && p.municipality === 'GM0344')).toBe(true);
  });

  it('refuses an explanation-less dissent, unknown blocks and the association itself', async () => {
    const { paperId } = await paperWithText();
    const url = `/api/papers/${paperId}/positions/paper`;
    expect(
      (await cast.commenter.client.request('PUT', url, { stance: 'steunt-niet' })).status,
    ).toBe(400);
    expect(
      (
        await cast.commenter.client.request('PUT', `/api/papers/${paperId}/positions/geen-blok`, {
          stance: 'steunt',
        })
      ).status,
    ).toBe(404);
    const asAdmin = await fetch(`${server.url}${url}`, {
      method: 'PUT',
      headers: {
        'Content-Type': 'application/json',
        Cookie: adminCookie ?? '',
        Origin: server.url,
      },
      body: JSON.stringify({ stance: 'steunt' }),
    });
    expect(asAdmin.status).toBe(403);
  });
});
