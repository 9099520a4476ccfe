/**
 * The audit trail: `DATA_DIR/audit.log`, one JSON line per act, only ever appended. Written
 * synchronously, so an act that was answered is on record even if the process dies next.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AuditActor, AuditDetails, AuditEvent } from '@standpunt/shared';
import { DamagedFileError } from '../storage/DamagedFileError.js';

export const AUDIT_FILE = 'audit.log';

export interface AuditFilter {
  /** Only events of these papers (editors see the trail of their own papers). */
  paperIds?: ReadonlySet<string>;
  paperId?: string;
  actorId?: string;
  /** Inclusive bounds, ISO 8601. */
  from?: string;
  to?: string;
}

export interface AuditContext {
  actor: AuditActor | null;
  paperId?: string | null;
  ip?: string;
}

export class AuditLog {
  private readonly file: string;
  private readonly fd: number;
  private seq: number;

  constructor(dataDir: string) {
    const file = path.join(dataDir, AUDIT_FILE);
    let seq = 0;
    if (fs.existsSync(file)) {
      const { events, validBytes } = parseAuditLog(fs.readFileSync(file), file);
      // Cut a torn last line (a crash mid-write), or the next event would be glued onto it
      // and turn it into damage in the middle of the file.
      if (validBytes < fs.statSync(file).size) fs.truncateSync(file, validBytes);
      seq = events.length;
    }
    this.seq = seq;
    this.fd = fs.openSync(file, 'a');
    this.file = file;
  }

  record(details: AuditDetails, context: AuditContext): AuditEvent {
    const event: AuditEvent = {
      seq: ++this.seq,
      at: new Date().toISOString(),
      actor: context.actor,
      paperId: context.paperId ?? null,
      ...(context.ip ? { ip: context.ip } : {}),
      ...details,
    };
    fs.writeSync(this.fd, `${JSON.stringify(event)}\n`);
    return event;
  }

  query(filter: AuditFilter = {}): AuditEvent[] {
    return readEvents(this.file).filter(
      (event) =>
        (!filter.paperIds || (event.paperId !== null && filter.paperIds.has(event.paperId))) &&
        (!filter.paperId || event.paperId === filter.paperId) &&
        (!filter.actorId || event.actor?.userId === filter.actorId) &&
        (!filter.from || event.at >= filter.from) &&
        (!filter.to || event.at <= filter.to),
    );
  }

  close(): void {
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
