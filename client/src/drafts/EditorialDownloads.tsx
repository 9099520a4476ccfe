import { REACTIENOTA_FORMATS, type ReactienotaFormat } from '@standpunt/shared';
import { Paragraph } from '@utrecht/component-library-react';
import { useId } from 'react';
import { archivePath, reactienotaPath } from '../api/drafts';
import type { MessageKey } from '../i18n/nl';
import { useT } from '../i18n/useT';
import { DownloadLink } from './DownloadLink';
import { SectionHeading } from './SectionHeading';

const NOTA_LABELS: Record<ReactienotaFormat, MessageKey> = {
  html: 'drafts.reactienota.html',
  docx: 'drafts.reactienota.docx',
  csv: 'drafts.reactienota.csv',
};

interface EditorialDownloadsProps {
  paperId: string;
  /** The reactienota needs a draft to cite (the server answers 409 without one). */
  hasDrafts: boolean;
  level: 2 | 3;
}

/** For editors and admins: the reactienota in its three formats and the archive (ZIP). */
export function EditorialDownloads({ paperId, hasDrafts, level }: EditorialDownloadsProps) {
  const t = useT();
  const id = useId();
  return (
    <section className="standpunt-editorial-downloads" aria-labelledby={id}>
      <SectionHeading level={level} id={id}>
        {t('drafts.editorial.title')}
      </SectionHeading>
      <Paragraph>{t('drafts.reactienota.intro')}</Paragraph>
      {hasDrafts ? (
        <ul className="standpunt-download-list" role="list">
          {REACTIENOTA_FORMATS.map((format) => (
            <li key={format}>
              <DownloadLink href={reactienotaPath(paperId, format)}>
                {t(NOTA_LABELS[format])}
              </DownloadLink>
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph className="standpunt-muted">{t('drafts.reactienota.none')}</Paragraph>
      )}
      <Paragraph>
        <DownloadLink href={archivePath(paperId)} describedBy={`${id}-archive`}>
          {t('drafts.archive.link')}
        </DownloadLink>
      </Paragraph>
      <Paragraph appearance="small" id={`${id}-archive`}>
        {t('drafts.archive.hint')}
      </Paragraph>
    </section>
  );
}
