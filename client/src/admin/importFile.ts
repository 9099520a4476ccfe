import { IMPORT_MAX_BYTES } from '@standpunt/shared';
// The documented sample itself, built into the bundle: the client cannot serve docs/.
import sampleCsv from '../../../docs/accounts-voorbeeld.csv?raw';
import type { ImportFile } from '../api/users';

/** The largest file accepted, in whole megabytes, as the form states it. */
export const IMPORT_MAX_MEGABYTES = Math.floor(IMPORT_MAX_BYTES / (1024 * 1024));

/** The header of an import CSV; `admin` may be left out. */
export const IMPORT_CSV_HEADER = 'email,name,municipality,admin';

/** The sample offered for download: docs/accounts-voorbeeld.csv. */
export const SAMPLE_IMPORT_CSV: string = sampleCsv;

export const SAMPLE_IMPORT_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(SAMPLE_IMPORT_CSV)}`;
export const SAMPLE_IMPORT_NAME = 'accounts-voorbeeld.csv';

/**
 * JSON or CSV, by the file's name and then its first character. Not by the browser's type:
 * on Windows a CSV file comes as `application/vnd.ms-excel`, and sometimes without any type.
 */
export function importFileType(name: string, content: string): ImportFile['type'] {
  if (/\.json$/i.test(name)) return 'application/json';
  if (/\.csv$/i.test(name)) return 'text/csv';
  return content.trimStart().startsWith('{') ? 'application/json' : 'text/csv';
}

export function isTooLargeToImport(file: Pick<File, 'size'>): boolean {
  return file.size > IMPORT_MAX_BYTES;
}

/** The file as it is sent. Read as UTF-8 (a byte order mark, as Excel writes, is dropped). */
export async function readImportFile(file: File): Promise<ImportFile> {
  const content = await file.text();
  return { content, type: importFileType(file.name, content) };
}
