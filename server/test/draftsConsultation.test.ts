/**
 * The consultation draft: frozen when a paper moves to consultatie (unless the text equals the
 * latest draft), and cited by the threads made during the consultation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, DraftSummary, Thread } from '@standpunt/shared';
import type { RunningServer } from '../src/createServer.js';
import { CollabClient } from './CollabClient.js';
import { anchorAround } from './contentHelpers.js';
import { SAMPLE, paragraph, setContent, draftRequests } from './draftsFixtures.js';
import { createCast, signInAsAdmin, startTestServer, type Cast } from './helpers.js';

let server: RunningServer;
let cast: Cast;

beforeAll(async () => {
  server = await startTestServer();
  cast = await createCast(await signInAsAdmin(server));
});
afterAll(async () => {
  await server.stop();
});

const { freeze, get, samplePaper } = draftRequests(() => ({ server, cast }));

describe('the consultation draft', () => {
  it('is frozen when the paper moves to consultatie', async () => {
    const paperId = await samplePaper('consultatie');
    const list = await get<DraftSummary[]>(paperId, '/drafts', 'outsider');
    expect(list.body.map((d) => [d.number, d.label, d.phase])).toEqual([
      [1, 'Consultatieversie', 'consultatie'],
    ]);
  });

  it('is not frozen again when the text equals the latest draft', async () => {
    const paperId = await samplePaper();
    await freeze('editor', paperId, 'Klaar voor consultatie');
    await cast.editor.client.request('PATCH', `/api/papers/${paperId}`, { phase: 'consultatie' });
    const list = await get<DraftSummary[]>(paperId, '/drafts');
    expect(list.body.map((d) => d.label)).toEqual(['Klaar voor consultatie']);
  });

  it('is frozen again when the text changed since the latest draft', async () => {
    const paperId = await samplePaper();
    await freeze('editor', paperId);
    await setContent(server, paperId, [...SAMPLE, paragraph('p-extra', 'Nog een alinea.')]);
    await cast.editor.client.request('PATCH', `/api/papers/${paperId}`, { phase: 'consultatie' });
    const list = await get<DraftSummary[]>(paperId, '/drafts');
    expect(list.body.map((d) => [d.number, d.label])).toEqual([
      [1, 'Werkversie'],
      [2, 'Consultatieversie'],
    ]);
  });

  it('is cited by threads made during the consultation: draft and paragraph number', async () => {
    const paperId = await samplePaper('consultatie');
    const content = new CollabClient(server.url, paperId, { cookie: cast.outsider.client.cookie });
    await content.synced;
    const post = (body: unknown) =>
      cast.outsider.client.request<Thread>('POST', `/api/papers/${paperId}/threads`, body);
    const inParagraph = await post({
      kind: 'comment',
      anchor: anchorAround(content.doc, 'laatste alinea'),
      quote: 'laatste alinea',
      body: 'Kan korter.',
    });
    const inHeading = await post({
      kind: 'comment',
      anchor: anchorAround(content.doc, 'Fryslân'),
      quote: 'Fryslân',
      body: 'Waarom alleen Fryslân?',
    });
    const whole = await post({ kind: 'comment', body: 'Goed stuk.' });
    await content.close();
    expect(inParagraph.status).toBe(201);
    expect(inParagraph.body).toMatchObject({ draft: 1, paragraph: '6', blockId: 'p-slot' });
    expect(inHeading.body).toMatchObject({ draft: 1, paragraph: '§ 1.1' });
    expect(whole.body).toMatchObject({ draft: 1, paragraph: null });
  });

  it('is not cited by threads made in concept', async () => {
    const paperId = await samplePaper();
    await freeze('editor', paperId);
    const response = await cast.commenter.client.request<Thread>(
      'POST',
      `/api/papers/${paperId}/threads`,
      { kind: 'comment', body: 'Nog in concept.' },
    );
    expect(response.body).toMatchObject({ draft: null, paragraph: null });
  });
});
