/** The archive ZIP: every draft, the reactienota, responses and audit trail, and a manifest. */
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent, Draft } from '@standpunt/shared';
import type { RunningServer } from '../src/createServer.js';
import { draftHash } from '../src/drafts/draftHash.js';
import { SAMPLE, download, setContent } from './draftsFixtures.js';
import { createCast, paperInPhase, signInAsAdmin, startTestServer, type Cast } from './helpers.js';

let server: RunningServer;
let cast: Cast;
let paperId: string;

interface Manifest {
  paper: { id: string; title: string };
  files: Array<{ path: string; size: number; sha256: string }>;
}

beforeAll(async () => {
  server = await startTestServer();
  cast = await createCast(await signInAsAdmin(server));
  paperId = await paperInPhase(cast, 'concept');
  await setContent(server, paperId, SAMPLE.slice(0, 6));
  await cast.editor.client.request('POST', `/api/papers/${paperId}/drafts`, { label: 'Eerste' });
  await setContent(server, paperId, SAMPLE);
  await cast.editor.client.request('PATCH', `/api/papers/${paperId}`, { phase: 'consultatie' });
  await setContent(server, paperId, SAMPLE.slice(0, 3));
  await cast.editor.client.request('POST', `/api/papers/${paperId}/drafts`, { label: 'Derde' });
  await cast.outsider.client.request('POST', `/api/papers/${paperId}/threads`, {
    kind: 'comment',
    body: 'Algemene reactie.',
  });
});
afterAll(async () => {
  await server.stop();
});

describe('archive', () => {
  it('holds every draft, the reactienota, responses and the audit trail, all in the manifest', async () => {
    const file = await download(cast.editor.client, `/api/papers/${paperId}/archive`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/zip');
    expect(file.headers.get('content-disposition')).toBe(
      'attachment; filename="archief-paper-in-concept.zip"',
    );
    const zip = unzipSync(new Uint8Array(file.bytes));
    expect(Object.keys(zip)).toEqual([
      'versies/versie-1.json',
      'versies/versie-1.pdf',
      'versies/versie-2.json',
      'versies/versie-2.pdf',
      'versies/versie-3.json',
      'versies/versie-3.pdf',
      'reactienota/reactienota.html',
      'reactienota/reactienota.csv',
      'reacties/reacties.json',
      'reacties/standpunten.json',
      'logboek.jsonl',
      'manifest.json',
    ]);

    const manifest = JSON.parse(strFromU8(zip['manifest.json']!)) as Manifest;
    expect(manifest.paper).toMatchObject({ id: paperId, title: 'Paper in concept' });
    expect(manifest.files.map((entry) => entry.path)).toEqual(Object.keys(zip).slice(0, -1));
    for (const entry of manifest.files) {
      const bytes = zip[entry.path]!;
      expect(bytes.byteLength, entry.path).toBe(entry.size);
      expect(createHash('sha256').update(bytes).digest('hex'), entry.path).toBe(entry.sha256);
    }

    const second = JSON.parse(strFromU8(zip['versies/versie-2.json']!)) as Draft;
    expect(second.label).toBe('Consultatieversie');
    expect(draftHash(second)).toBe(second.sha256);
    expect(strFromU8(zip['versies/versie-1.pdf']!.subarray(0, 5))).toBe('%PDF-');
    // The reactienota follows the latest draft frozen in consultatie.
    expect(strFromU8(zip['reactienota/reactienota.html']!)).toContain(
      '3 — Derde (fase consultatie)',
    );
    expect(strFromU8(zip['reacties/reacties.json']!)).toContain('Algemene reactie.');
    const trail = strFromU8(zip['logboek.jsonl']!)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as AuditEvent);
    expect(trail.every((event) => event.paperId === paperId)).toBe(true);
    expect(trail.filter((event) => event.type === 'draft.frozen')).toHaveLength(3);

    const after = await cast.editor.client.request<AuditEvent[]>(
      'GET',
      `/api/audit?paper=${paperId}`,
    );
    const exported = after.body.find((event) => event.type === 'archive.exported');
    expect(exported).toMatchObject({
      drafts: 3,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
    });
  });

  it('is for editors and admins only', async () => {
    for (const who of ['writer', 'reader', 'outsider'] as const) {
      const response = await download(cast[who].client, `/api/papers/${paperId}/archive`);
      expect(response.status, who).toBe(403);
    }
  });
});
