import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import * as Y from 'yjs';

interface Trace {
  startContent: string;
  endContent: string;
  txns: Array<{ patches: Array<[number, number, string]> }>;
}

const TRACE_FILE = fileURLToPath(
  new URL('../data-traces/automerge-paper.json.gz', import.meta.url),
);
/** The doc's fragment that the editor binds to (`CONTENT_FRAGMENT` in shared/). */
const FRAGMENT = 'default';

function readTrace(): Trace {
  return JSON.parse(zlib.gunzipSync(fs.readFileSync(TRACE_FILE)).toString('utf8')) as Trace;
}

/**
 * The automerge-paper editing trace replayed into one paragraph of a content doc, so the doc
 * carries the whole history (182,315 inserts, 77,463 deletes) as a real paper's would.
 * Replaying takes seconds, so the encoded state is kept in the temp dir between runs.
 */
export function tracePaperUpdate(): Uint8Array {
  const cached = path.join(
    os.tmpdir(),
    `standpunt-bench-trace-${fs.statSync(TRACE_FILE).size}.bin`,
  );
  if (fs.existsSync(cached)) return new Uint8Array(fs.readFileSync(cached));
  const trace = readTrace();
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText(trace.startContent);
  paragraph.setAttribute('id', 'trace');
  paragraph.insert(0, [text]);
  doc.getXmlFragment(FRAGMENT).insert(0, [paragraph]);
  for (const { patches } of trace.txns) {
    doc.transact(() => {
      for (const [position, deleted, inserted] of patches) {
        if (deleted > 0) text.delete(position, deleted);
        if (inserted) text.insert(position, inserted);
      }
    });
  }
  if (text.toString() !== trace.endContent) throw new Error('trace replay diverged');
  const update = Y.encodeStateAsUpdate(doc);
  fs.writeFileSync(cached, update);
  return update;
}

/**
 * A paper of about 50 pages for the browser: the trace's final text as paragraphs (one per
 * blank-line separated block), each with its block id, as the editor would store them.
 */
export function longPaperUpdate(): { update: Uint8Array; paragraphs: number; lastText: string } {
  const blocks = readTrace()
    .endContent.split(/\n\s*\n/)
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const doc = new Y.Doc();
  doc.getXmlFragment(FRAGMENT).insert(
    0,
    blocks.map((block, index) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.setAttribute('id', `bench-${index}`);
      paragraph.insert(0, [new Y.XmlText(block)]);
      return paragraph;
    }),
  );
  return {
    update: Y.encodeStateAsUpdate(doc),
    paragraphs: blocks.length,
    lastText: blocks.at(-1) ?? '',
  };
}
