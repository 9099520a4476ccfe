import { zipSync, type Zippable } from 'fflate';
import type { AuditEvent, Draft } from '@standpunt/shared';
import { sortedKeys } from '../drafts/canonicalJson.js';
import { bytesHash } from '../drafts/draftHash.js';
import { draftJson } from '../exports/draftJson.js';
import { draftPdf } from '../exports/draftPdf.js';
import type { Reactienota } from '../reactienota/buildReactienota.js';
import type { PaperResponses } from '../reactienota/loadResponses.js';
import { reactienotaCsv } from '../reactienota/reactienotaCsv.js';
import { reactienotaHtml } from '../reactienota/reactienotaHtml.js';

export const MANIFEST = 'manifest.json';

export interface ArchiveInput {
  paper: { id: string; title: string; theme: string; phase: string };
  drafts: readonly Draft[];
  /** Null when the paper has no draft yet (then there is no reactienota either). */
  nota: Reactienota | null;
  responses: Pick<PaperResponses, 'threads' | 'positions'>;
  audit: readonly AuditEvent[];
  /** When the archive is made: the manifest's date and every entry's time. */
  now: Date;
}

export interface ManifestEntry {
  path: string;
  size: number;
  sha256: string;
}

const json = (value: unknown) => `${JSON.stringify(sortedKeys(value), null, 2)}\n`;

/**
 * What a records officer files away, as one ZIP: every draft (JSON and PDF), the reactienota
 * (HTML and CSV), all threads and positions, the paper's audit trail (JSON lines), and
 * `manifest.json` with each file's size and sha256. Files are in a fixed order.
 */
export async function buildArchive(input: ArchiveInput): Promise<Uint8Array> {
  const files: Array<[string, Uint8Array]> = [];
  const add = (path: string, content: string | Uint8Array) =>
    files.push([path, typeof content === 'string' ? Buffer.from(content, 'utf8') : content]);

  for (const draft of [...input.drafts].sort((a, b) => a.number - b.number)) {
    add(`versies/versie-${draft.number}.json`, draftJson(draft));
    add(`versies/versie-${draft.number}.pdf`, await draftPdf(draft));
  }
  if (input.nota) {
    add('reactienota/reactienota.html', reactienotaHtml(input.nota));
    add('reactienota/reactienota.csv', reactienotaCsv(input.nota));
  }
  add('reacties/reacties.json', json(input.responses.threads));
  add('reacties/standpunten.json', json(input.responses.positions));
  add('logboek.jsonl', input.audit.map((event) => JSON.stringify(event)).join('\n') + '\n');

  const entries: ManifestEntry[] = files.map(([path, bytes]) => ({
    path,
    size: bytes.byteLength,
    sha256: bytesHash(bytes),
  }));
  add(MANIFEST, json({ paper: input.paper, createdAt: input.now.toISOString(), files: entries }));

  const zippable: Zippable = {};
  for (const [path, bytes] of files) zippable[path] = [bytes, { mtime: input.now }];
  return zipSync(zippable, { level: 6 });
}
