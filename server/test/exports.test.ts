/**
 * Every export format of a draft, opened by a real parser: HTML (node-html-parser), Markdown
 * (as text), JSON, PDF (pdf.js text extraction and metadata) and DOCX (unzipped XML).
 */
import { unzipSync, strFromU8 } from 'fflate';
import { parse } from 'node-html-parser';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Draft, DraftSummary } from '@standpunt/shared';
import type { RunningServer } from '../src/createServer.js';
import { draftHash } from '../src/drafts/draftHash.js';
import { SAMPLE, download, setContent } from './draftsFixtures.js';
import { createCast, paperInPhase, signInAsAdmin, startTestServer, type Cast } from './helpers.js';

let server: RunningServer;
let cast: Cast;
let paperId: string;
let draft: Draft;

beforeAll(async () => {
  server = await startTestServer();
  cast = await createCast(await signInAsAdmin(server));
  paperId = await paperInPhase(cast, 'concept');
  await setContent(server, paperId, SAMPLE);
  const frozen = await cast.editor.client.request<DraftSummary>(
    'POST',
    `/api/papers/${paperId}/drafts`,
    { label: 'Consultatie <b>voorjaar</b>' },
  );
  draft = (
    await cast.reader.client.request<Draft>(
      'GET',
      `/api/papers/${paperId}/drafts/${frozen.body.number}`,
    )
  ).body;
});
afterAll(async () => {
  await server.stop();
});

const exported = (format: string) =>
  download(cast.reader.client, `/api/papers/${paperId}/drafts/1/export?format=${format}`);

describe('draft exports', () => {
  it('HTML: standalone and printable, numbered, with metadata, users’ text escaped', async () => {
    const file = await exported('html');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(file.headers.get('content-disposition')).toBe(
      'attachment; filename="paper-in-concept-versie-1.html"',
    );
    const root = parse(file.text);
    expect(root.querySelector('title')?.text).toBe('Paper in concept — versie 1');
    expect(root.querySelector('style')?.text).toContain('@media print');
    const meta = root.querySelectorAll('dl.meta dd').map((dd) => dd.text);
    expect(meta).toContain(draft.sha256);
    expect(meta).toContain('1 — Consultatie <b>voorjaar</b>');
    expect(meta).toContain('Eva Redacteur (Amsterdam)');
    expect(root.querySelectorAll('b')).toHaveLength(0);

    const numbered = root
      .querySelectorAll('[data-number]')
      .map((el) => [
        el.getAttribute('data-number'),
        el.querySelector('.body, h2, h3, h4')?.text.trim(),
      ]);
    expect(numbered).toContainEqual([
      '2',
      'Een inzender typte <script>alert("x")</script> & meer.',
    ]);
    expect(numbered).toContainEqual(['1.1', '1.1 Uitgangspunten in Fryslân']);
    expect(numbered).toContainEqual(['6', 'Tot slot een laatste alinea.']);
    expect(root.querySelectorAll('script')).toHaveLength(0);
    expect(file.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; meer.');
    expect(root.querySelector('a')?.getAttribute('href')).toBe('https://vng.nl/identiteit');
    expect(root.querySelector('#blok-p-een strong')?.text).toBe('samen');
    expect(root.querySelectorAll('#blok-l-stappen ol li').map((li) => li.text)).toEqual([
      'Stap een',
      'Stap twee',
    ]);
  });

  it('Markdown: numbers, metadata and escaped text', async () => {
    const file = await exported('md');
    expect(file.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const lines = file.text.split('\n');
    expect(lines[0]).toBe('# Paper in concept');
    expect(lines).toContain(`- **SHA-256:** ${draft.sha256}`);
    expect(lines).toContain('## 1 Inleiding');
    expect(lines).toContain('### 1.1 Uitgangspunten in Fryslân');
    expect(lines).toContain(
      '**1.** Gemeenten werken **samen** aan één *digitale* identiteit, zie [de website](<https://vng.nl/identiteit>).',
    );
    expect(lines).toContain(
      '**2.** Een inzender typte \\<script\\>alert("x")\\</script\\> & meer.',
    );
    expect(lines).toContain('**6.** Tot slot een laatste alinea.');
    expect(lines).toContain('1. Stap een');
    expect(lines).toContain('> Een citaat uit de wet.');
  });

  it('JSON: the draft itself, whose hash anyone can check', async () => {
    const file = await exported('json');
    const parsed = JSON.parse(file.text) as Draft;
    expect(parsed).toEqual(draft);
    expect(draftHash(parsed)).toBe(draft.sha256);
    expect(file.text.indexOf('"content"')).toBeLessThan(file.text.indexOf('"numbering"'));
  });

  it('HTML, Markdown and JSON are byte-identical every time', async () => {
    for (const format of ['html', 'md', 'json']) {
      const first = await exported(format);
      const second = await exported(format);
      expect(second.bytes.equals(first.bytes), format).toBe(true);
    }
  });

  it('PDF: selectable text with numbers, an embedded font and document metadata', async () => {
    const file = await exported('pdf');
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // pdfkit embeds the TrueType outlines of the subset it used.
    expect(file.bytes.includes('/FontFile2')).toBe(true);
    expect(file.bytes.includes('/Helvetica')).toBe(false);

    const pdf = await pdfjs.getDocument({ data: new Uint8Array(file.bytes), useSystemFonts: false })
      .promise;
    const info = (await pdf.getMetadata()).info as Record<string, string>;
    expect(info.Title).toBe('Paper in concept');
    expect(info.Author).toBe('Eva Redacteur (Amsterdam)');
    expect(info.Subject).toBe('Versie 1 — Consultatie <b>voorjaar</b>');
    expect(info.Keywords).toContain(draft.sha256);
    expect(info.CreationDate).toContain(draft.frozenAt.slice(0, 4));

    let text = '';
    for (let page = 1; page <= pdf.numPages; page++) {
      const content = await (await pdf.getPage(page)).getTextContent();
      text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ') + '\n';
    }
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Paper in concept');
    expect(flat).toContain('Tot slot een laatste alinea.');
    expect(flat).toContain('1.1 Uitgangspunten in Fryslân');
    expect(flat).toMatch(/\b6 Tot slot/);
    expect(flat).toContain('<script>alert("x")</script>');
    await pdf.destroy();
  });

  it('DOCX: Word headings, real lists, numbered paragraphs and properties', async () => {
    const file = await exported('docx');
    expect(file.headers.get('content-disposition')).toContain('versie-1.docx');
    const zip = unzipSync(new Uint8Array(file.bytes));
    const xml = strFromU8(zip['word/document.xml']!);
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const textOf = (p: string) =>
      [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<w:tab\/>/g)].map((m) => m[1] ?? '\t').join('');
    const heading = paragraphs.find((p) => textOf(p).includes('Uitgangspunten'));
    expect(heading).toContain('<w:pStyle w:val="Heading2"/>');
    expect(textOf(heading!)).toBe('1.1 Uitgangspunten in Fryslân');
    expect(paragraphs.find((p) => textOf(p).includes('Inleiding'))).toContain('Heading1');
    expect(paragraphs.map(textOf)).toContain('6\tTot slot een laatste alinea.');
    expect(xml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; meer.');
    const item = paragraphs.find((p) => textOf(p) === 'Stap een');
    expect(item).toContain('<w:numPr>');
    expect(strFromU8(zip['word/numbering.xml']!)).toContain('w:val="decimal"');
    expect(xml).toContain('<w:hyperlink');
    const core = strFromU8(zip['docProps/core.xml']!);
    expect(core).toContain('<dc:title>Paper in concept</dc:title>');
    expect(core).toContain('<dc:creator>Eva Redacteur (Amsterdam)</dc:creator>');
  });

  it('refuses an unknown format with 400, listing the formats', async () => {
    for (const query of ['?format=rtf', '', '?format=HTML']) {
      const response = await cast.reader.client.request<{
        error: { code: string; message: string };
      }>('GET', `/api/papers/${paperId}/drafts/1/export${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.message).toContain('html, pdf, docx, md, json');
    }
  });
});
