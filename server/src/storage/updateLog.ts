import { DOC_NAMES, type DocName } from '@standpunt/shared';
import { fromBase64, isBase64, toBase64 } from './base64.js';
import { DamagedFileError } from './DamagedFileError.js';

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
  return `${JSON.stringify({ doc, update: toBase64(update) })}\n`;
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
  if (typeof update !== 'string' || !isBase64(update)) return null;
  if (!(DOC_NAMES as readonly unknown[]).includes(doc)) return null;
  return { doc: doc as DocName, update: fromBase64(update) };
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
    // A line with its newline was written whole (one write per line), so only a last line
    // without one can be torn; a complete line that does not parse is damage.
    const isTorn = newline === -1;
    // Left out even when it parses: its write never finished, so it was never relayed, and
    // the next append must not be glued onto it.
    if (isTorn) return { updates, validBytes: offset };
    const line = text.toString('utf8', offset, end);
    const parsed = line.trim() === '' ? null : parseLine(line);
    if (parsed) {
      updates.push(parsed);
    } else if (line.trim() !== '') {
      // Not cut off: the updates after it may depend on it, so nothing past it is trusted.
      throw new DamagedFileError(fileName, `line ${lineNumber} is not a valid update`);
    }
    offset = newline + 1;
  }
  return { updates, validBytes: text.length };
}
