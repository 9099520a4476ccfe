import type { ReactienotaFormat } from '@standpunt/shared';
import type { ExportedFile } from '../exports/exportDraft.js';
import { fileSlug } from '../exports/exportFilename.js';
import type { Reactienota } from './buildReactienota.js';
import { reactienotaCsv } from './reactienotaCsv.js';
import { reactienotaDocx } from './reactienotaDocx.js';
import { reactienotaHtml } from './reactienotaHtml.js';

const CONTENT_TYPES: Record<ReactienotaFormat, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8',
};

async function render(nota: Reactienota, format: ReactienotaFormat): Promise<Buffer> {
  switch (format) {
    case 'html':
      return Buffer.from(reactienotaHtml(nota), 'utf8');
    case 'csv':
      return Buffer.from(reactienotaCsv(nota), 'utf8');
    case 'docx':
      return reactienotaDocx(nota);
    default:
      return exhaustive(format);
  }
}

/** The reactienota in one format, named `reactienota-<title>.<format>`. */
export async function exportReactienota(
  nota: Reactienota,
  format: ReactienotaFormat,
): Promise<ExportedFile> {
  return {
    bytes: await render(nota, format),
    contentType: CONTENT_TYPES[format],
    filename: `reactienota-${fileSlug(nota.paper.title)}.${format}`,
  };
}

function exhaustive(value: never): never {
  throw new Error(`Unknown reactienota format: ${String(value)}`);
}
