import { DOC_NAMES, type DocName } from '@standpunt/shared';

/** One line of a paper's `updates.log`. */
export interface LoggedUpdate {
  doc: DocName;
  update: Uint8Array;
}

/** The parsed log, and how many bytes of it are whole lines (the rest is a torn last write). */
export interface ParsedUpdateLog {
  updates: LoggedUpdate[];
  validBytes: number;
}

/** One log line, newline included: `{"doc":"content","update":"<base64>"}`. */
export function formatLogLine(doc: DocName, update: Uint8Array): string {
  const base64 = Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString(
    'base64',
  );
  return `${JSON.stringify({ doc, update: base64 })}\n`;
}

function parseLine(line: string): LoggedUpdate | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { doc, update } = value as Record<string, unknown>;
  if (typeof update !== 'string' || !(DOC_NAMES as readonly unknown[]).includes(doc)) return null;
  return { doc: doc as DocName, update: new Uint8Array(Buffer.from(update, 'base64')) };
}

/**
 * Parses a log. Every line is written by one `write` call, so only the last line can be
 * torn (a crash mid-write): it is left out. A bad line anywhere else means the file was
 * damaged some other way, and is an error naming the file — replaying around it could
 * silently lose text.
 */
export function parseUpdateLog(text: Buffer, fileName: string): ParsedUpdateLog {
  const updates: LoggedUpdate[] = [];
  let offset = 0;
  let lineNumber = 0;
  while (offset < text.length) {
    lineNumber++;
    const newline = text.indexOf(0x0a, offset);
    const end = newline === -1 ? text.length : newline;
    const isLast = newline === -1 || newline === text.length - 1;
    const line = text.toString('utf8', offset, end);
    const parsed = line.trim() === '' ? null : parseLine(line);
    if (parsed) {
      updates.push(parsed);
    } else if (isLast) {
      return { updates, validBytes: offset };
    } else if (line.trim() !== '') {
      throw new Error(`${fileName}: line ${lineNumber} is not a valid update`);
    }
    if (newline === -1) break;
    offset = newline + 1;
  }
  return { updates, validBytes: text.length };
}
