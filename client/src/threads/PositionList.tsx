import { organisationName, type Position } from '@standpunt/shared';
import { useT } from '../i18n/useT';

/** Each municipality's current position on one block, by name. */
export function PositionList({
  positions,
  locale,
}: {
  positions: readonly Position[];
  locale: string;
}) {
  const t = useT();
  if (positions.length === 0)
    return <p className="standpunt-positions__none">{t('positions.none')}</p>;
  const sorted = [...positions].sort((a, b) =>
    organisationName(a.municipality).localeCompare(organisationName(b.municipality), locale),
  );
  return (
    <ul className="standpunt-positions__list" aria-label={t('positions.list')}>
      {sorted.map((position) => (
        <li key={position.municipality} data-stance={position.stance}>
          <strong>
            {t('positions.entry', {
              organisation: organisationName(position.municipality),
              stance: t(`positions.stance.${position.stance}`),
            })}
          </strong>
          {position.explanation && <> — {position.explanation}</>}
        </li>
      ))}
    </ul>
  );
}
