/**
 * The audit trail: `DATA_DIR/audit.log`, one JSON line per act, only ever appended. Written
 * synchronously, so an act that was answered is on record even if the process dies next.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AuditActor, AuditDetails, AuditEvent } from '@standpunt/shared';

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
    this.seq = fs.existsSync(file) ? readEvents(file).length : 0;
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
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const events: AuditEvent[] = [];
  lines.forEach((line, index) => {
    if (!line) return;
    try {
      events.push(JSON.parse(line) as AuditEvent);
    } catch {
      // Only the last line can be cut short (a crash mid-write); anything else is damage.
      if (index < lines.length - 2) throw new Error(`${file}: line ${index + 1} is not valid JSON`);
    }
  });
  return events;
}
