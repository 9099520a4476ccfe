/**
 * The embedded audit trail: `DATA_DIR/audit.log`, one JSON line per act, only ever appended.
 * Written synchronously, so an act that was answered is on record even if the process dies
 * next — and with fsync on (the default, `STANDPUNT_FSYNC`) flushed per event, so also if the
 * power fails next. Queries read the whole file: the trail of one installation stays small
 * enough.
 */
import fs from 'node:fs';
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
} from './AuditLog.js';

export const AUDIT_FILE = 'audit.log';

export class FileAuditLog implements AuditLog {
  private readonly file: string;
  private readonly fd: number;
  private seq: number;

  constructor(
    dataDir: string,
    private readonly durability: Durability = { fsync: true },
  ) {
    const file = path.join(dataDir, AUDIT_FILE);
    let seq = 0;
    const exists = fs.existsSync(file);
    if (exists) {
      const { events, validBytes } = parseAuditLog(fs.readFileSync(file), file);
      // Cut a torn last line (a crash mid-write), or the next event would be glued onto it
      // and turn it into damage in the middle of the file.
      if (validBytes < fs.statSync(file).size) fs.truncateSync(file, validBytes);
      seq = events.length;
    }
    this.seq = seq;
    this.fd = fs.openSync(file, 'a');
    // Events flushed into a file whose name a power loss took away would be lost with it.
    if (durability.fsync && !exists) fsyncDirectorySync(dataDir);
    this.file = file;
  }

  async record(details: AuditDetails, context: AuditContext): Promise<AuditEvent> {
    const event = auditEvent(++this.seq, details, context);
    fs.writeSync(this.fd, `${JSON.stringify(event)}\n`);
    if (this.durability.fsync) fs.fsyncSync(this.fd);
    return event;
  }

  async importAll(events: readonly AuditEvent[]): Promise<void> {
    if (this.seq > 0) {
      throw new Error(`Cannot import into ${this.file}: it holds ${this.seq} events already`);
    }
    assertWholeTrail(events);
    // The lines `record` would have written for these events, in one go.
    const text = Buffer.from(events.map((event) => `${JSON.stringify(event)}\n`).join(''));
    let written = 0;
    while (written < text.length) {
      written += fs.writeSync(this.fd, text, written, text.length - written);
    }
    if (this.durability.fsync) fs.fsyncSync(this.fd);
    this.seq = events.length;
  }

  async query(filter: AuditFilter = {}): Promise<AuditEvent[]> {
    return readEvents(this.file).filter((event) => matchesAuditFilter(event, filter));
  }

  async close(): Promise<void> {
    fs.closeSync(this.fd);
  }
}

function readEvents(file: string): AuditEvent[] {
  return parseAuditLog(fs.readFileSync(file), file).events;
}

/**
 * Parses the trail. Each event is one write ending in a newline, so only a last line without
 * one can be torn (left out); a complete line that does not parse is damage, named with its
 * file, because an audit trail with a silent gap is worse than none.
 */
export function parseAuditLog(
  text: Buffer,
  file: string,
): { events: AuditEvent[]; validBytes: number } {
  const events: AuditEvent[] = [];
  let offset = 0;
  let lineNumber = 0;
  while (offset < text.length) {
    lineNumber++;
    const newline = text.indexOf(0x0a, offset);
    if (newline === -1) return { events, validBytes: offset };
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
      throw new DamagedFileError(file, `line ${lineNumber} is not a valid event`);
    }
    events.push(event as AuditEvent);
  }
  return { events, validBytes: text.length };
}
