/**
 * Freezing and reading drafts against the real server: numbering, rights, immutability on
 * disk, tamper detection, the audit trail and comparison.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ApiErrorBody,
  AuditEvent,
  Draft,
  DraftComparison,
  DraftSummary,
} from '@standpunt/shared';
import type { RunningServer } from '../src/createServer.js';
import { draftHash } from '../src/drafts/draftHash.js';
import { CollabClient } from './CollabClient.js';
import { blockText } from './contentHelpers.js';
import { SAMPLE, download, paragraph, setContent, draftRequests } from './draftsFixtures.js';
import { createCast, signInAsAdmin, startTestServer, type Cast } from './helpers.js';
import { overwriteStoredDraft, readStoredDraft } from './storedData.js';

let server: RunningServer;
let cast: Cast;
const logged: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ log: (message) => logged.push(message) });
  cast = await createCast(await signInAsAdmin(server));
});
afterAll(async () => {
  await server.stop();
});

const { freeze, get, samplePaper } = draftRequests(() => ({ server, cast }));

describe('freezing a draft', () => {
  it('numbers the draft, its paragraphs and sections, and hashes it', async () => {
    const paperId = await samplePaper();
    const frozen = await freeze('editor', paperId, 'Eerste versie');
    expect(frozen.status).toBe(201);
    expect(frozen.body).toMatchObject({
      paperId,
      number: 1,
      label: 'Eerste versie',
      phase: 'concept',
      frozenBy: { userId: cast.editor.id, name: 'Eva Redacteur', municipality: 'GM0363' },
      numberedBlocks: 8,
    });
    expect(frozen.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(frozen.body).not.toHaveProperty('content');

    const draft = (await get<Draft>(paperId, '/drafts/1')).body;
    expect(draft.numbering.map((b) => [b.id, b.kind, b.number])).toEqual([
      ['h-intro', 'heading', '1'],
      ['p-een', 'paragraph', '1'],
      ['p-script', 'paragraph', '2'],
      ['h-sub', 'heading', '1.1'],
      ['l-punten', 'bulletList', '3'],
      ['l-stappen', 'orderedList', '4'],
      ['q-citaat', 'blockquote', '5'],
      ['p-leeg', 'paragraph', null],
      ['p-slot', 'paragraph', '6'],
    ]);
    expect(draft.content.content?.[1]?.attrs?.id).toBe('p-een');
    expect(draft.yjsState.length).toBeGreaterThan(100);
    expect(draftHash(draft)).toBe(draft.sha256);

    const second = await freeze('editor', paperId, 'Tweede versie');
    expect(second.body.number).toBe(2);
    const list = await get<DraftSummary[]>(paperId, '/drafts');
    expect(list.body.map((d) => [d.number, d.label])).toEqual([
      [1, 'Eerste versie'],
      [2, 'Tweede versie'],
    ]);
    expect(list.body[0]).not.toHaveProperty('yjsState');
  });

  it('lets only editors (and admins) freeze', async () => {
    const paperId = await samplePaper();
    for (const who of ['writer', 'commenter', 'reader'] as const) {
      const refused = await freeze(who, paperId);
      expect(refused.status, who).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
    }
    expect((await freeze('outsider', paperId)).status).toBe(404);
    expect((await freeze('editor', paperId, '')).status).toBe(400);
    expect((await get<DraftSummary[]>(paperId, '/drafts')).body).toEqual([]);
  });

  it('answers 404 for an unknown or malformed draft number', async () => {
    const paperId = await samplePaper();
    await freeze('editor', paperId);
    for (const n of ['2', '0', 'abc', '1.5', '-1', '01']) {
      const response = await get<Draft>(paperId, `/drafts/${n}`);
      expect(response.status, n).toBe(404);
      expect(response.body.error.code).toBe('not_found');
    }
    expect((await get(paperId, '/drafts/9/export?format=html')).status).toBe(404);
    expect((await get(paperId, '/drafts/1/compare/9')).status).toBe(404);
  });

  it('keeps a draft unchanged when the text is edited after the freeze', async () => {
    const paperId = await samplePaper();
    await freeze('editor', paperId);
    const before = await get<Draft>(paperId, '/drafts/1');
    const writer = new CollabClient(server.url, paperId, { cookie: cast.writer.client.cookie });
    await writer.synced;
    blockText(writer.doc, 1).insert(0, 'Nieuw: ');
    await writer.roundTrip();
    await writer.close();

    const after = await get<Draft>(paperId, '/drafts/1');
    expect(after.body).toEqual(before.body);
    expect(JSON.parse(await readStoredDraft(server, paperId, 1))).toEqual(before.body);
    await freeze('editor', paperId);
    const next = await get<Draft>(paperId, '/drafts/2');
    expect(JSON.stringify(next.body.content)).toContain('Nieuw: Gemeenten');
    expect(JSON.stringify(after.body.content)).not.toContain('Nieuw:');
  });

  it('detects a tampered stored draft and refuses to serve it', async () => {
    const paperId = await samplePaper();
    await freeze('editor', paperId);
    const original = await readStoredDraft(server, paperId, 1);
    await overwriteStoredDraft(server, paperId, 1, original.replace('Tot slot', 'Tot slof'));

    for (const rest of ['/drafts/1', '/drafts', '/drafts/1/compare/live']) {
      const response = await get(paperId, rest);
      expect(response.status, rest).toBe(500);
      expect(response.body.error.code).toBe('internal');
      expect(response.body.error.message).toContain('Versie 1');
      expect(response.body.error.message).toContain('sha256');
    }
    const exported = await download(
      cast.reader.client,
      `/api/papers/${paperId}/drafts/1/export?format=md`,
    );
    expect(exported.status).toBe(500);
    expect(exported.text).not.toContain('Tot slof');
    expect(logged.some((line) => line.includes('DRAFT INTEGRITY') && line.includes(paperId))).toBe(
      true,
    );
    // A damaged draft stays flagged; it does not block freezing the next one.
    expect((await freeze('editor', paperId)).status).toBe(201);
  });

  it('records freezing and exporting in the audit trail, with the hashes', async () => {
    const paperId = await samplePaper();
    const frozen = await freeze('editor', paperId);
    expect(
      (await download(cast.reader.client, `/api/papers/${paperId}/drafts/1/export?format=md`))
        .status,
    ).toBe(200);
    const trail = await cast.editor.client.request<AuditEvent[]>(
      'GET',
      `/api/audit?paper=${paperId}`,
    );
    const types = trail.body.map((event) => event.type);
    expect(types).toContain('draft.frozen');
    expect(types).toContain('draft.exported');
    const frozenEvent = trail.body.find((event) => event.type === 'draft.frozen');
    expect(frozenEvent).toMatchObject({ number: 1, sha256: frozen.body.sha256 });
    const exported = trail.body.find((event) => event.type === 'draft.exported');
    expect(exported).toMatchObject({ number: 1, format: 'md', actor: { userId: cast.reader.id } });
    expect((exported as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('comparing', () => {
  it('compares two drafts and a draft with the live text', async () => {
    const paperId = await samplePaper();
    await freeze('editor', paperId);
    const [intro, een, , sub, punten, stappen, citaat, leeg] = SAMPLE;
    const edited = paragraph('p-slot', 'Tot slot een allerlaatste alinea.');
    await setContent(server, paperId, [
      intro!,
      paragraph('p-nieuw', 'Een nieuwe alinea.'),
      een!,
      sub!,
      stappen!,
      punten!,
      citaat!,
      leeg!,
      edited,
    ]);
    const live = await get<DraftComparison>(paperId, '/drafts/1/compare/live');
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ paperId, from: 1, to: 'live' });
    const change = (id: string) => live.body.blocks.find((b) => b.blockId === id)?.change;
    expect(change('p-nieuw')).toBe('added');
    expect(change('p-script')).toBe('removed');
    expect(change('p-een')).toBe('unchanged');
    expect(change('p-slot')).toBe('changed');
    expect(['l-punten', 'l-stappen'].map(change)).toContain('moved');
    const words = live.body.blocks.find((b) => b.blockId === 'p-slot')?.words;
    expect(words).toContainEqual({ op: 'insert', text: 'allerlaatste' });
    expect(words).toContainEqual({ op: 'delete', text: 'laatste' });

    await freeze('editor', paperId);
    const drafts = await get<DraftComparison>(paperId, '/drafts/1/compare/2');
    expect(drafts.body.blocks).toEqual(live.body.blocks);
    expect(drafts.body.to).toBe(2);
  });
});
