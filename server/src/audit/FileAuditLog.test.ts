import { once } from 'node:events';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AUDIT_FILE, FileAuditLog } from './FileAuditLog.js';

const OFF = { fsync: false };
const dirs: string[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) await fsp.rm(dir, { recursive: true, force: true });
});

/** A trail of `count` events written as `record` writes them, straight into the file. */
async function trailOf(count: number): Promise<string> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'standpunt-audit-'));
  dirs.push(dir);
  const line = (seq: number) =>
    `${JSON.stringify({ seq, at: '2026-12-01T09:00:00.000Z', actor: null, paperId: seq % 2 ? 'p1' : null, type: 'auth.logout' })}\n`;
  const out = fs.createWriteStream(path.join(dir, AUDIT_FILE));
  for (let seq = 1; seq <= count; seq++) {
    if (!out.write(line(seq))) await once(out, 'drain');
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return dir;
}

describe('FileAuditLog on a large trail', () => {
  it('opens, pages and streams it a chunk at a time, never reading the file whole', async () => {
    // 200,000 events: about 25 MB, many read chunks.
    const dir = await trailOf(200_000);
    const readWhole = vi.spyOn(fs, 'readFileSync');
    const log = await FileAuditLog.open(dir, OFF);
    try {
      const latest = await log.latest({ paperId: 'p1' }, 3);
      expect(latest.total).toBe(100_000);
      expect(latest.events.map((event) => event.seq)).toStrictEqual([199_995, 199_997, 199_999]);
      let streamed = 0;
      let batches = 0;
      for await (const batch of log.each({})) {
        streamed += batch.length;
        batches++;
      }
      expect(streamed).toBe(200_000);
      expect(batches).toBeGreaterThan(10);
      const next = await log.record({ type: 'auth.logout' }, { actor: null });
      expect(next.seq).toBe(200_001);
    } finally {
      await log.close();
    }
    const auditReads = readWhole.mock.calls.filter(([file]) => String(file).endsWith(AUDIT_FILE));
    expect(auditReads).toStrictEqual([]);
  });
});
