/**
 * `pnpm bench:drafts`: time and peak memory of freezing a draft and of every export, for a paper
 * of about 50 pages (~25,000 words, 400 blocks) with 300 threads. Runs our server in this
 * process, so the peak memory is the server's own while it does the work.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  absolutePositionToRelativePosition,
  prosemirrorJSONToYXmlFragment,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { startServer } from '@standpunt/server/dist/createServer.js';
import { contentView } from '@standpunt/server/dist/threads/contentAnchors.js';
import { CONTENT_FRAGMENT, paperSchema, type ThreadAnchor } from '@standpunt/shared';
import { measure } from './peakMemory.js';
import { samplePaper } from './samplePaper.js';

const THREADS = 300;
const ADMIN = { email: 'admin@bench.test', password: 'bench-beheerder-wachtwoord' };

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'standpunt-bench-drafts-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    clientDir: path.join(dataDir, 'no-client'),
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
    log: () => {},
  });
  try {
    let cookie = '';
    const api = async (method: string, url: string, body?: unknown): Promise<Response> => {
      const response = await fetch(server.url + url, {
        method,
        headers: { Origin: server.url, Cookie: cookie, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok)
        throw new Error(`${method} ${url} → ${response.status}: ${await response.text()}`);
      return response;
    };
    const login = await api('POST', '/api/auth/login', ADMIN);
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const paper = (await (
      await api('POST', '/api/papers', { title: 'Benchmarkpaper', theme: 'Beheer' })
    ).json()) as {
      id: string;
    };

    const sample = samplePaper();
    const anchors = await server.collab.withPaper(paper.id, (loaded) =>
      loaded.transact('content', 'bench.fill', (ydoc) => {
        const fragment = ydoc.getXmlFragment(CONTENT_FRAGMENT);
        fragment.delete(0, fragment.length);
        prosemirrorJSONToYXmlFragment(paperSchema(), sample.json, fragment);
        const view = contentView(ydoc);
        const starts: number[] = [];
        view.doc.forEach((_node, offset) => starts.push(offset));
        const encode = (pos: number) =>
          Buffer.from(
            Y.encodeRelativePosition(
              absolutePositionToRelativePosition(pos, fragment, view.mapping as never),
            ),
          ).toString('base64');
        return Array.from({ length: THREADS }, (_, i) => {
          const target = sample.paragraphs[(i * 7) % sample.paragraphs.length]!;
          const from = (starts[target.index] ?? 0) + 1;
          const anchor: ThreadAnchor = {
            from: encode(from),
            to: encode(from + target.firstWord.length),
          };
          return { anchor, quote: target.firstWord };
        });
      }),
    );
    for (const [i, { anchor, quote }] of anchors.entries()) {
      await api(
        'POST',
        `/api/papers/${paper.id}/threads`,
        i % 2 === 0
          ? {
              kind: 'suggestion',
              anchor,
              quote,
              replacement: `${quote} (aangepast)`,
              body: `Voorstel ${i}.`,
            }
          : { kind: 'comment', anchor, quote, body: `Opmerking ${i} bij deze alinea.` },
      );
    }
    console.log(
      `paper: ${sample.json.content.length} blocks, ${sample.words} words, ${THREADS} threads`,
    );

    const rows: Array<[string, number, number, number]> = [];
    const freeze = await measure(async () =>
      (await api('POST', `/api/papers/${paper.id}/drafts`, { label: 'Bench' })).json(),
    );
    rows.push(['freeze draft', freeze.ms, freeze.peakMiB, 0]);
    const { number } = freeze.result as { number: number };
    for (const format of ['html', 'pdf', 'docx', 'md', 'json']) {
      const run = await measure(async () =>
        (
          await api('GET', `/api/papers/${paper.id}/drafts/${number}/export?format=${format}`)
        ).arrayBuffer(),
      );
      rows.push([`export ${format}`, run.ms, run.peakMiB, run.result.byteLength]);
    }
    for (const format of ['html', 'docx', 'csv']) {
      const run = await measure(async () =>
        (await api('GET', `/api/papers/${paper.id}/reactienota?format=${format}`)).arrayBuffer(),
      );
      rows.push([`reactienota ${format}`, run.ms, run.peakMiB, run.result.byteLength]);
    }
    const archive = await measure(async () =>
      (await api('GET', `/api/papers/${paper.id}/archive`)).arrayBuffer(),
    );
    rows.push(['archive (zip)', archive.ms, archive.peakMiB, archive.result.byteLength]);

    console.log('\n| operation | time (ms) | peak RSS (MiB) | size (KiB) |\n|---|---:|---:|---:|');
    for (const [name, ms, peak, bytes] of rows) {
      console.log(
        `| ${name} | ${ms.toFixed(0)} | ${peak.toFixed(0)} | ${bytes ? (bytes / 1024).toFixed(0) : '–'} |`,
      );
    }
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
