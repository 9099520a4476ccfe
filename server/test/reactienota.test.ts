/**
 * The reactienota against the real server: threads and positions of municipalities in
 * different provinces, processed in part, and what the HTML, CSV and DOCX say about them.
 */
import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUNICIPALITIES, type PmNodeJson, type Thread } from '@standpunt/shared';
import type { RunningServer } from '../src/createServer.js';
import { contentView } from '../src/threads/contentAnchors.js';
import { CollabClient } from './CollabClient.js';
import { anchorAround } from './contentHelpers.js';
import { SAMPLE, download, paragraph, setContent, type Download } from './draftsFixtures.js';
import {
  createCast,
  createPerson,
  paperInPhase,
  signInAsAdmin,
  startTestServer,
  type ApiClient,
  type Cast,
} from './helpers.js';

let server: RunningServer;
let cast: Cast;
let vng: ApiClient;
let paperId: string;

/** A minimal RFC 4180 reader: quoted cells, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') (row.push(cell), (cell = ''));
    else if (char === '\r' && text[i + 1] === '\n') {
      (row.push(cell), rows.push(row), (row = []), (cell = ''), i++);
    } else cell += char;
  }
  return rows;
}

async function thread(client: ApiClient, body: unknown): Promise<Thread> {
  const response = await client.request<Thread>('POST', `/api/papers/${paperId}/threads`, body);
  if (response.status !== 201) throw new Error(`thread: ${response.status}`);
  return response.body;
}

async function dispose(threadId: string, status: string, rationale = '') {
  const response = await cast.editor.client.request(
    'POST',
    `/api/papers/${paperId}/threads/${threadId}/disposition`,
    { status, rationale },
  );
  if (response.status !== 200) throw new Error(`disposition: ${response.status}`);
}

async function position(client: ApiClient, blockId: string, stance: string, explanation = '') {
  const response = await client.request('PUT', `/api/papers/${paperId}/positions/${blockId}`, {
    stance,
    explanation,
  });
  if (response.status !== 200) throw new Error(`position: ${response.status}`);
}

beforeAll(async () => {
  server = await startTestServer();
  const admin = await signInAsAdmin(server);
  cast = await createCast(admin);
  vng = (await createPerson(admin, 'Vera Vereniging', 'VNG')).client;
  paperId = await paperInPhase(cast, 'concept');
  await setContent(server, paperId, SAMPLE);
  await cast.editor.client.request('PATCH', `/api/papers/${paperId}`, { phase: 'consultatie' });
  // A paragraph written after the consultation draft was frozen.
  await setContent(server, paperId, [
    ...SAMPLE,
    paragraph('p-nieuw', 'Een later toegevoegde zin.'),
  ]);

  const live = new CollabClient(server.url, paperId, { cookie: cast.editor.client.cookie });
  await live.synced;
  const at = (quote: string) => ({ anchor: anchorAround(live.doc, quote), quote });

  // Groningen (Groningen): a suggestion, accepted.
  const suggestion = await thread(cast.outsider.client, {
    kind: 'suggestion',
    ...at('laatste alinea'),
    replacement: 'slotalinea',
    body: 'Korter.',
  });
  await dispose(suggestion.id, 'accepted', 'Overgenomen, dank.');
  // Rotterdam (Zuid-Holland): a comment on the list, rejected; and one on the whole paper.
  const rejected = await thread(cast.commenter.client, {
    kind: 'comment',
    ...at('Eerste punt'),
    body: '=SUM(A1) <script>alert(1)</script> graag anders',
  });
  await dispose(rejected.id, 'rejected', 'Past niet bij de uitgangspunten.');
  await thread(cast.commenter.client, { kind: 'comment', body: 'Algemeen: goed stuk.' });
  // Utrecht (Utrecht): comments on the quote and on the later paragraph; both texts are then deleted.
  await thread(cast.writer.client, { kind: 'comment', ...at('citaat uit de wet'), body: 'Bron?' });
  await thread(cast.writer.client, { kind: 'comment', ...at('later toegevoegde'), body: 'Nieuw?' });
  // 's-Gravenhage (Zuid-Holland): a comment taken back, and a position.
  const withdrawn = await thread(cast.reader.client, {
    kind: 'comment',
    ...at('Stap een'),
    body: 'Toch niet.',
  });
  await cast.reader.client.request('DELETE', `/api/papers/${paperId}/threads/${withdrawn.id}`);
  await position(cast.reader.client, 'p-een', 'steunt-niet', 'Te vaag.');
  // Groningen again, on the paper as a whole; and the association, which is no municipality.
  await position(cast.outsider.client, 'paper', 'steunt');
  await thread(vng, { kind: 'comment', body: 'Namens de vereniging.' });
  await live.close();

  // The quote and the later paragraph are deleted (the accepted suggestion stays applied).
  const after = await server.collab.withPaper(paperId, (paper) => contentView(paper.content.doc));
  await setContent(
    server,
    paperId,
    (after.doc.toJSON() as PmNodeJson).content!.filter(
      (block) => !['q-citaat', 'p-nieuw'].includes(String(block.attrs?.id)),
    ),
  );
});
afterAll(async () => {
  await server.stop();
});

const nota = (format: string, client = cast.editor.client): Promise<Download> =>
  download(client, `/api/papers/${paperId}/reactienota?format=${format}`);

describe('reactienota', () => {
  it('HTML: participation by province and counts per disposition and stance', async () => {
    const file = await nota('html');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe(
      'attachment; filename="reactienota-paper-in-concept.html"',
    );
    const root = parse(file.text);
    const participation = root.querySelector('#participation')!;
    expect(participation.getAttribute('data-responded')).toBe('4');
    expect(participation.getAttribute('data-total')).toBe('342');
    const provinces = Object.fromEntries(
      root.querySelectorAll('#provinces tbody tr').map((tr) => {
        const [name, responded, total] = tr.querySelectorAll('td').map((td) => td.text);
        return [name, [Number(responded), Number(total)]];
      }),
    );
    expect(Object.keys(provinces)).toHaveLength(12);
    const total = (province: string) =>
      MUNICIPALITIES.filter((m) => m.province === province).length;
    expect(provinces['Groningen']).toEqual([1, total('Groningen')]);
    expect(provinces['Zuid-Holland']).toEqual([2, total('Zuid-Holland')]);
    expect(provinces['Utrecht']).toEqual([1, total('Utrecht')]);
    expect(provinces['Noord-Holland']).toEqual([0, total('Noord-Holland')]);
    const count = (table: string, attr: string, value: string) =>
      Number(root.querySelector(`#${table} tr[${attr}="${value}"] td:last-child`)?.text);
    expect(count('dispositions', 'data-status', 'open')).toBe(4);
    expect(count('dispositions', 'data-status', 'accepted')).toBe(1);
    expect(count('dispositions', 'data-status', 'rejected')).toBe(1);
    expect(count('dispositions', 'data-status', 'withdrawn')).toBe(1);
    expect(count('stances', 'data-stance', 'steunt')).toBe(1);
    expect(count('stances', 'data-stance', 'steunt-niet')).toBe(1);
  });

  it('HTML: every response under its paragraph, unprocessed ones flagged, text escaped', async () => {
    const root = parse((await nota('html')).text);
    const titles = root.querySelectorAll('section.paragraph h3').map((h) => h.text);
    expect(titles).toEqual([
      'Alinea 1',
      'Alinea 3',
      'Alinea 5',
      'Alinea 6',
      'Het positionpaper als geheel',
      'Verweesde reacties (de geciteerde tekst is verwijderd)',
    ]);
    const section = (title: string) =>
      root
        .querySelectorAll('section.paragraph')
        .find((s) => s.querySelector('h3')?.text === title)!;
    expect(section('Alinea 1').querySelector('table.positions td')?.text).toBe("'s-Gravenhage");
    const rejected = section('Alinea 3').querySelector('.response')!;
    expect(rejected.text).toContain('Rotterdam');
    expect(rejected.text).toContain('Afgewezen');
    expect(rejected.text).toContain('Past niet bij de uitgangspunten.');
    expect(rejected.text).toContain('<script>alert(1)</script>');
    expect(root.querySelectorAll('script')).toHaveLength(0);
    const quoteSection = section('Alinea 5');
    expect(quoteSection.querySelector('.flag')?.text).toBe('Nog niet verwerkt');
    expect(quoteSection.querySelector('.orphaned')).not.toBeNull();
    expect(section('Alinea 6').text).toContain('Overgenomen');
    expect(section('Alinea 6').text).toContain('slotalinea');
    expect(section('Alinea 6').querySelector('.orphaned')).toBeNull();
    const whole = section('Het positionpaper als geheel');
    expect(
      whole.querySelectorAll('.response').map((r) => r.getAttribute('data-municipality')),
    ).toEqual(['GM0599', 'VNG']);
    expect(whole.querySelector('table.positions')?.text).toContain('Groningen');
    const orphans = section('Verweesde reacties (de geciteerde tekst is verwijderd)');
    expect(orphans.text).toContain('later toegevoegde');
    expect(root.text).not.toContain('Toch niet.');
  });

  it('CSV: one quoted, formula-safe row per response, unprocessed ones marked', async () => {
    const file = await nota('csv');
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const [header, ...rows] = parseCsv(file.text);
    expect(header).toContain('Nog niet verwerkt');
    const column = (name: string) => header!.indexOf(name);
    // 6 threads (the withdrawn one is left out) and 2 positions.
    expect(rows).toHaveLength(8);
    expect(rows.filter((r) => r[column('Soort')] === 'Reactie')).toHaveLength(6);
    expect(rows.filter((r) => r[column('Soort')] === 'Standpunt')).toHaveLength(2);
    expect(rows.filter((r) => r[column('Nog niet verwerkt')] === 'ja')).toHaveLength(4);
    const rejected = rows.find((r) => r[column('Status')] === 'Afgewezen')!;
    expect(rejected[column('Alinea')]).toBe('3');
    expect(rejected[column('Gemeente')]).toBe('Rotterdam');
    expect(rejected[column('Motivering')]).toBe('Past niet bij de uitgangspunten.');
    expect(rejected[column('Versie bij reactie')]).toBe('1');
    const accepted = rows.find((r) => r[column('Status')] === 'Overgenomen')!;
    expect(accepted[column('Voorgestelde tekst')]).toBe('slotalinea');
    expect(accepted[column('Citaat')]).toBe('laatste alinea');
    const position = rows.find((r) => r[column('Type')] === 'Steunt niet')!;
    expect(position[column('Reactie of toelichting')]).toBe('Te vaag.');
    // A cell that starts like a formula is defused by the audit CSV's cell function.
    expect(rejected[column('Reactie of toelichting')]).toBe(
      "'=SUM(A1) <script>alert(1)</script> graag anders",
    );
    expect(rows.find((r) => r[column('Citaat verwijderd')] === 'ja')?.[column('Alinea')]).toBe('5');
  });

  it('DOCX: the summary and the responses in Word', async () => {
    const file = await nota('docx');
    const xml = strFromU8(unzipSync(new Uint8Array(file.bytes))['word/document.xml']!);
    expect(xml).toContain('Reactienota — Paper in concept');
    expect(xml).toContain('4 van de 342 gemeenten reageerden');
    expect(xml).toContain('Rotterdam');
    expect(xml).toContain('Nog niet verwerkt');
    expect(xml).toContain('&lt;script&gt;');
  });

  it('is for editors and admins only, needs a draft, and names its formats', async () => {
    expect((await nota('html', cast.reader.client)).status).toBe(403);
    expect((await nota('html', cast.outsider.client)).status).toBe(403);
    expect((await nota('html', vng)).status).toBe(403);
    const unknown = await nota('pdf');
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.text).error.message).toContain('html, docx, csv');
    const fresh = await paperInPhase(cast, 'concept');
    const none = await download(cast.editor.client, `/api/papers/${fresh}/reactienota?format=csv`);
    expect(none.status).toBe(409);
    expect(JSON.parse(none.text).error.message).toContain('nog geen versie');
  });
});
