import type { Draft, DraftExportFormat } from '@standpunt/shared';
import { draftDocx } from './draftDocx.js';
import { draftHtml } from './draftHtml.js';
import { draftJson } from './draftJson.js';
import { draftMarkdown } from './draftMarkdown.js';
import { draftPdf } from './draftPdf.js';
import { fileSlug } from './exportFilename.js';

/** An exported file: its bytes, media type and a file name to offer. */
export interface ExportedFile {
  bytes: Buffer;
  contentType: string;
  filename: string;
}

const CONTENT_TYPES: Record<DraftExportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

async function render(draft: Draft, format: DraftExportFormat): Promise<Buffer> {
  switch (format) {
    case 'html':
      return Buffer.from(draftHtml(draft), 'utf8');
    case 'md':
      return Buffer.from(draftMarkdown(draft), 'utf8');
    case 'json':
      return Buffer.from(draftJson(draft), 'utf8');
    case 'pdf':
      return draftPdf(draft);
    case 'docx':
      return draftDocx(draft);
    default:
      return exhaustive(format);
  }
}

/** The file name of a draft's export: `<title>-versie-<n>.<format>`. */
export function draftFilename(draft: Draft, format: DraftExportFormat): string {
  return `${fileSlug(draft.title)}-versie-${draft.number}.${format}`;
}

/** One draft in one format. */
export async function exportDraft(draft: Draft, format: DraftExportFormat): Promise<ExportedFile> {
  return {
    bytes: await render(draft, format),
    contentType: CONTENT_TYPES[format],
    filename: draftFilename(draft, format),
  };
}

function exhaustive(value: never): never {
  throw new Error(`Unknown export format: ${String(value)}`);
}
