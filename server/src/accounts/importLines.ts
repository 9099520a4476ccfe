/**
 * Reads an account import (DESIGN.md, `POST /api/users/import`): a CSV with the header
 * `email,name,municipality[,admin]` (`,` or `;`, UTF-8, a BOM allowed) or JSON
 * `{users:[…]}`. Every line is checked; any problem is reported with its line number as in the
 * file (the header is line 1; in JSON the first account is line 1) and a Dutch message, so
 * that whoever made the file can fix it all at once.
 */
import { CsvError, parse as csvParser, type Options as CsvOptions } from 'csv-parse';
import {
  MUNICIPALITIES,
  VNG_CODE,
  emailSchema,
  importJsonSchema,
  isOrganisationCode,
  singleLine,
  type ImportLineError,
} from '@standpunt/shared';

/** One account to import, checked. */
export interface ImportRow {
  line: number;
  email: string;
  name: string;
  /** The organisation code (CBS code or VNG). */
  municipality: string;
  admin: boolean;
}

export type ImportParse = { rows: ImportRow[] } | { errors: ImportLineError[] };

/** More than this many problems are summed up in one last line: the file is wrong anyway. */
const MAX_ERRORS = 500;

type Field = 'email' | 'name' | 'municipality' | 'admin';

/** The header names a column may have, in English (as DESIGN.md has them) or Dutch. */
const HEADER_NAMES: Record<string, Field> = {
  email: 'email',
  'e-mail': 'email',
  'e-mailadres': 'email',
  emailadres: 'email',
  name: 'name',
  naam: 'name',
  municipality: 'municipality',
  gemeente: 'municipality',
  organisatie: 'municipality',
  admin: 'admin',
  beheerder: 'admin',
};
const REQUIRED: Field[] = ['email', 'name', 'municipality'];

const byName = new Map(MUNICIPALITIES.map((m) => [m.name.toLocaleLowerCase('nl'), m.code]));

/** `GM0363`, `gm0363`, `Amsterdam` or `VNG` → the code; undefined when it names none. */
function organisationCode(given: string): string | undefined {
  const trimmed = given.trim();
  const upper = trimmed.toUpperCase();
  if (isOrganisationCode(upper)) return upper;
  if (upper === VNG_CODE) return VNG_CODE;
  return byName.get(trimmed.toLocaleLowerCase('nl'));
}

const TRUE = new Set(['true', 'ja', 'j', 'yes', 'y', '1']);
const FALSE = new Set(['', 'false', 'nee', 'n', 'no', '0']);

function adminFlag(given: unknown): boolean | undefined {
  if (given === undefined || typeof given === 'boolean') return given ?? false;
  const text = String(given).trim().toLowerCase();
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  return undefined;
}

const nameSchema = singleLine(200, 'De naam ontbreekt');

interface RawEntry {
  line: number;
  email: unknown;
  name: unknown;
  municipality: unknown;
  admin: unknown;
}

/** Entries checked between two turns of the event loop: 5,000 must not hold it up. */
const ENTRIES_PER_TURN = 250;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Checks every entry; collects every problem, including addresses given twice. */
async function checkEntries(entries: RawEntry[]): Promise<ImportParse> {
  const errors: ImportLineError[] = [];
  const rows: ImportRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const [index, entry] of entries.entries()) {
    if (index > 0 && index % ENTRIES_PER_TURN === 0) await nextTurn();
    const problems: string[] = [];
    const email = emailSchema.safeParse(typeof entry.email === 'string' ? entry.email : '');
    if (!email.success) {
      problems.push(
        entry.email
          ? `"${String(entry.email)}" is geen geldig e-mailadres`
          : 'Het e-mailadres ontbreekt',
      );
    } else {
      const earlier = firstLineOf.get(email.data);
      if (earlier !== undefined) {
        problems.push(`${email.data} staat ook al op regel ${earlier}`);
      } else firstLineOf.set(email.data, entry.line);
    }
    const name = nameSchema.safeParse(typeof entry.name === 'string' ? entry.name : '');
    if (!name.success) {
      problems.push(name.error.issues[0]?.message ?? 'Ongeldige naam');
    }
    const given = typeof entry.municipality === 'string' ? entry.municipality : '';
    const municipality = organisationCode(given);
    if (!municipality) {
      problems.push(
        given.trim()
          ? `Onbekende gemeente "${given.trim()}": gebruik de CBS-code (zoals GM0363) of de naam zoals het CBS die schrijft`
          : 'De gemeente ontbreekt',
      );
    }
    const admin = adminFlag(entry.admin);
    if (admin === undefined) {
      problems.push(`"${String(entry.admin)}" in de kolom admin: gebruik ja of nee`);
    }
    if (problems.length > 0) {
      errors.push({ line: entry.line, message: `${problems.join('; ')}.` });
    } else if (email.success && name.success && municipality && admin !== undefined) {
      rows.push({ line: entry.line, email: email.data, name: name.data, municipality, admin });
    }
  }
  if (errors.length > MAX_ERRORS) {
    const rest = errors.length - MAX_ERRORS;
    return {
      errors: [
        ...errors.slice(0, MAX_ERRORS),
        { line: errors[MAX_ERRORS]!.line, message: `En nog ${rest} regels met fouten.` },
      ],
    };
  }
  return errors.length > 0 ? { errors } : { rows };
}

function headerOf(fields: string[]): Map<Field, number> | ImportLineError {
  const columns = new Map<Field, number>();
  for (const [index, raw] of fields.entries()) {
    const name = raw.trim().toLowerCase();
    const field = HEADER_NAMES[name];
    if (!field) {
      return {
        line: 1,
        message: `Onbekende kolom "${raw.trim()}": de kopregel is email,name,municipality en eventueel admin.`,
      };
    }
    if (columns.has(field)) return { line: 1, message: `De kolom ${field} staat er twee keer in.` };
    columns.set(field, index);
  }
  const missing = REQUIRED.filter((field) => !columns.has(field));
  if (missing.length > 0) {
    return {
      line: 1,
      message: `De kopregel mist ${missing.join(', ')}: hij is email,name,municipality en eventueel admin.`,
    };
  }
  return columns;
}

/** The first line's delimiter: `;` when it has one and no comma (as Excel writes in Dutch). */
function delimiterOf(text: string): string {
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  return firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/** Text fed to the CSV parser between two turns of the event loop. */
const CSV_CHUNK_CHARS = 16 * 1024;

/** The records of `text`, parsed a chunk per turn so that a large file holds nothing up. */
async function csvRecords(text: string, options: CsvOptions): Promise<CsvRecord[]> {
  const parser = csvParser({ ...options, info: true });
  const records: CsvRecord[] = [];
  let failure: unknown;
  parser.on('readable', () => {
    let record: CsvRecord | null;
    while ((record = parser.read() as CsvRecord | null) !== null) records.push(record);
  });
  const ended = new Promise<void>((resolve) => {
    parser.on('end', resolve);
    parser.on('error', (error) => {
      failure = error;
      resolve();
    });
  });
  for (let at = 0; at < text.length && failure === undefined; at += CSV_CHUNK_CHARS) {
    parser.write(text.slice(at, at + CSV_CHUNK_CHARS));
    await nextTurn();
  }
  if (failure === undefined) parser.end();
  await ended;
  if (failure !== undefined) throw failure;
  return records;
}

export async function parseCsvImport(text: string): Promise<ImportParse> {
  let records: CsvRecord[];
  try {
    records = await csvRecords(text, {
      bom: true,
      delimiter: delimiterOf(text),
      skip_empty_lines: true,
      relax_column_count: true,
    });
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 1;
      return {
        errors: [
          {
            line,
            message:
              'Het bestand is geen geldige CSV: een aanhalingsteken is niet gesloten of staat verkeerd.',
          },
        ],
      };
    }
    throw error;
  }
  const [header, ...body] = records;
  if (!header) return { errors: [{ line: 1, message: 'Het bestand is leeg.' }] };
  const columns = headerOf(header.record);
  if (!('get' in columns)) return { errors: [columns] };
  const lines = text.split(/\r\n|\n|\r/);
  let previousEnd = header.info.lines;
  const entries: RawEntry[] = [];
  const errors: ImportLineError[] = [];
  for (const { record, info } of body) {
    // csv-parse counts to a record's last line; a quoted field may span several.
    let line = previousEnd + 1;
    while (line < info.lines && (lines[line - 1] ?? '').trim() === '') line++;
    previousEnd = info.lines;
    if (record.length > header.record.length) {
      errors.push({
        line,
        message: `Deze regel heeft ${record.length} velden, de kopregel ${header.record.length}. Staat er een komma of puntkomma in een naam? Zet die naam dan tussen aanhalingstekens.`,
      });
      continue;
    }
    const at = (field: Field) => {
      const index = columns.get(field);
      return index === undefined ? undefined : record[index];
    };
    entries.push({
      line,
      email: at('email') ?? '',
      name: at('name') ?? '',
      municipality: at('municipality') ?? '',
      admin: at('admin'),
    });
  }
  if (entries.length === 0 && errors.length === 0) {
    return { errors: [{ line: 2, message: 'Het bestand bevat geen accounts onder de kopregel.' }] };
  }
  const checked = await checkEntries(entries);
  if (errors.length === 0) return checked;
  const all = [...errors, ...('errors' in checked ? checked.errors : [])];
  return { errors: all.sort((a, b) => a.line - b.line) };
}

export async function parseJsonImport(body: unknown): Promise<ImportParse> {
  const parsed = importJsonSchema.safeParse(body);
  if (!parsed.success) {
    return {
      errors: [
        { line: 1, message: 'Verwacht {"users": [{"email", "name", "municipality", "admin"}]}.' },
      ],
    };
  }
  if (parsed.data.users.length === 0) {
    return { errors: [{ line: 1, message: 'De lijst users is leeg.' }] };
  }
  return checkEntries(parsed.data.users.map((user, index) => ({ line: index + 1, ...user })));
}
