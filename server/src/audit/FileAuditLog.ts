/**
 * The embedded audit trail: `DATA_DIR/audit.log`, one JSON line per act, only ever appended.
 * Written synchronously, so an act that was answered is on record even if the process dies
 * next — and with fsync on (the default, `STANDPUNT_FSYNC`) flushed per event, so also if the
 * power fails next. Reads stream the file a chunk at a time and keep only what they return:
 * a trail grows for years, and neither a start nor a query may depend on its size.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { AuditDetails, AuditEvent } from '@standpunt/shared';
import { DamagedFileError } from '../storage/DamagedFileError.js';
import { fsyncDirectorySync, type Durability } from '../storage/durableWrite.js';
import {
  assertWholeTrail,
  auditEvent,
  matchesAuditFilter,
  type AuditContext,
  type AuditFilter,
  type AuditLog,
  type AuditPage,
} from './AuditLog.js';

export const AUDIT_FILE = 'audit.log';

/** Bytes read from the file at a time: a trail of any size is streamed, never read whole. */
const READ_CHUNK = 1024 * 1024;

export class FileAuditLog implements AuditLog {
  readonly #file: string;
  readonly #fd: number;
  #seq: number;

  /**
   * Opens the trail, creating it if need be. The whole file is read once, a chunk at a time,
   * to check it and to count its events: a damaged line in the middle stops the start (see
   * {@link parseAuditLog}), and a torn last line (a crash mid-write) is cut, or the next event
   * would be glued onto it.
   */
  static async open(
    dataDir: string,
    durability: Durability = { fsync: true },
  ): Promise<FileAuditLog> {
    const file = path.join(dataDir, AUDIT_FILE);
    const exists = fs.existsSync(file);
    let seq = 0;
    if (exists) {
      const { count, validBytes } = await scanAuditLog(file);
      if (validBytes < (await fsp.stat(file)).size) await fsp.truncate(file, validBytes);
      seq = count;
    }
    const fd = fs.openSync(file, 'a');
    // Events flushed into a file whose name a power loss took away would be lost with it.
    if (durability.fsync && !exists) fsyncDirectorySync(dataDir);
    return new FileAuditLog(file, fd, seq, durability);
  }

  private constructor(
    file: string,
    fd: number,
    seq: number,
    private readonly durability: Durability,
  ) {
    this.#file = file;
    this.#fd = fd;
    this.#seq = seq;
  }

  async record(details: AuditDetails, context: AuditContext): Promise<AuditEvent> {
    const event = auditEvent(++this.#seq, details, context);
    fs.writeSync(this.#fd, `${JSON.stringify(event)}\n`);
    if (this.durability.fsync) fs.fsyncSync(this.#fd);
    return event;
  }

  async importAll(events: readonly AuditEvent[]): Promise<void> {
    if (this.#seq > 0) {
      throw new Error(`Cannot import into ${this.#file}: it holds ${this.#seq} events already`);
    }
    assertWholeTrail(events);
    // The lines `record` would have written for these events, in one go.
    const text = Buffer.from(events.map((event) => `${JSON.stringify(event)}\n`).join(''));
    let written = 0;
    while (written < text.length) {
      written += fs.writeSync(this.#fd, text, written, text.length - written);
    }
    if (this.durability.fsync) fs.fsyncSync(this.#fd);
    this.#seq = events.length;
  }

  async query(filter: AuditFilter = {}): Promise<AuditEvent[]> {
    const events: AuditEvent[] = [];
    await this.#scan(filter, (event) => events.push(event));
    return events;
  }

  async latest(filter: AuditFilter, limit: number): Promise<AuditPage> {
    const kept = new LastOnes<AuditEvent>(limit);
    let total = 0;
    await this.#scan(filter, (event) => {
      total++;
      kept.push(event);
    });
    return { events: kept.values(), total };
  }

  async *each(filter: AuditFilter = {}): AsyncIterable<AuditEvent[]> {
    const upTo = this.#seq;
    for await (const chunk of readAuditLog(this.#file)) {
      const matching = chunk.filter(
        (event) => event.seq <= upTo && matchesAuditFilter(event, filter),
      );
      if (matching.length > 0) yield matching;
    }
  }

  async close(): Promise<void> {
    fs.closeSync(this.#fd);
  }

  /** The events recorded so far that match, in order; none recorded meanwhile. */
  async #scan(filter: AuditFilter, onEvent: (event: AuditEvent) => void): Promise<void> {
    for await (const events of this.each(filter)) for (const event of events) onEvent(event);
  }
}

/** The last `limit` values pushed, in the order pushed, without keeping the others. */
class LastOnes<T> {
  readonly #ring: T[] = [];
  #next = 0;

  constructor(private readonly limit: number) {}

  push(value: T): void {
    if (this.#ring.length < this.limit) this.#ring.push(value);
    else this.#ring[this.#next] = value;
    this.#next = (this.#next + 1) % this.limit;
  }

  values(): T[] {
    if (this.#ring.length < this.limit) return [...this.#ring];
    return [...this.#ring.slice(this.#next), ...this.#ring.slice(0, this.#next)];
  }
}

/** How much of a trail {@link readAuditLog} has read: events, and bytes of whole lines. */
export interface AuditLogTally {
  count: number;
  validBytes: number;
}

/**
 * The trail's events, a chunk's worth at a time, in order; `tally` follows what was read (a
 * torn last line is not counted).
 */
export async function* readAuditLog(
  file: string,
  tally: AuditLogTally = { count: 0, validBytes: 0 },
): AsyncGenerator<AuditEvent[]> {
  const handle = await fsp.open(file, 'r');
  try {
    let lineNumber = 0;
    let pending = Buffer.alloc(0);
    const buffer = Buffer.alloc(READ_CHUNK);
    while (true) {
      const { bytesRead } = await handle.read(buffer, 0, READ_CHUNK, null);
      if (bytesRead === 0) break;
      pending = Buffer.concat([pending, buffer.subarray(0, bytesRead)]);
      const lastNewline = pending.lastIndexOf(0x0a);
      if (lastNewline === -1) continue;
      const whole = pending.subarray(0, lastNewline + 1);
      const { events, lines } = parseAuditLines(whole, file, lineNumber);
      lineNumber += lines;
      tally.count += events.length;
      tally.validBytes += whole.length;
      pending = Buffer.from(pending.subarray(lastNewline + 1));
      yield events;
    }
  } finally {
    await handle.close();
  }
}

/** Reads the whole trail to check it and count its events (at open and in a backup check). */
export async function scanAuditLog(file: string): Promise<AuditLogTally> {
  const tally = { count: 0, validBytes: 0 };
  for await (const _events of readAuditLog(file, tally));
  return tally;
}

/**
 * Parses whole lines of the trail. Each event is one write ending in a newline, so only a last
 * line without one can be torn (left out by the caller); a complete line that does not parse is
 * damage, named with its file and line, because an audit trail with a silent gap is worse than
 * none.
 */
function parseAuditLines(
  text: Buffer,
  file: string,
  linesBefore: number,
): { events: AuditEvent[]; lines: number } {
  const events: AuditEvent[] = [];
  let offset = 0;
  let lines = 0;
  while (offset < text.length) {
    const newline = text.indexOf(0x0a, offset);
    if (newline === -1) break;
    lines++;
    const line = text.toString('utf8', offset, newline);
    offset = newline + 1;
    if (line.trim() === '') continue;
    let event: unknown;
    try {
      event = JSON.parse(line);
    } catch {
      event = null;
    }
    if (typeof event !== 'object' || event === null || Array.isArray(event)) {
      throw new DamagedFileError(file, `line ${linesBefore + lines} is not a valid event`);
    }
    events.push(event as AuditEvent);
  }
  return { events, lines };
}
