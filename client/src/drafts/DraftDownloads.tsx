import { DRAFT_EXPORT_FORMATS, type DraftExportFormat } from '@standpunt/shared';
import { Heading2 } from '@utrecht/component-library-react';
import { useId } from 'react';
import { draftExportPath } from '../api/drafts';
import type { MessageKey } from '../i18n/nl';
import { useT } from '../i18n/useT';
import { DownloadLink } from './DownloadLink';

const LABELS: Record<DraftExportFormat, MessageKey> = {
  html: 'draft.download.html',
  pdf: 'draft.download.pdf',
  docx: 'draft.download.docx',
  md: 'draft.download.md',
  json: 'draft.download.json',
};

/** The draft in each export format, as plain download links. */
export function DraftDownloads({ paperId, number }: { paperId: string; number: number }) {
  const t = useT();
  const id = useId();
  return (
    <section className="standpunt-draft-downloads" aria-labelledby={id}>
      <Heading2 id={id}>{t('draft.downloads.title')}</Heading2>
      <ul className="standpunt-download-list" role="list">
        {DRAFT_EXPORT_FORMATS.map((format) => (
          <li key={format}>
            <DownloadLink href={draftExportPath(paperId, number, format)}>
              {t(LABELS[format], { number })}
            </DownloadLink>
          </li>
        ))}
      </ul>
    </section>
  );
}
