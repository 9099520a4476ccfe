import { Heading2 } from '@utrecht/component-library-react';
import { useId } from 'react';
import { useT } from '../i18n/useT';
import type { PresenceEntry } from './presenceList';

/** "Nu in dit positionpaper": everyone connected, each with their caret colour. */
export function PresenceList({ entries }: { entries: readonly PresenceEntry[] }) {
  const t = useT();
  const headingId = useId();
  return (
    <aside className="standpunt-presence" aria-labelledby={headingId}>
      <Heading2 id={headingId} className="standpunt-presence__title">
        {t('presence.title')}
      </Heading2>
      <ul className="standpunt-presence__list">
        {entries.map((entry) => (
          <li key={entry.userId} className="standpunt-presence__person">
            <span
              className="standpunt-presence__swatch"
              style={{ backgroundColor: entry.color }}
              aria-hidden="true"
            />
            <span>
              <span className="standpunt-presence__name">{entry.name}</span>
              {entry.self && <span className="standpunt-presence__self"> {t('presence.you')}</span>}
              <span className="standpunt-presence__org">{entry.organisation}</span>
            </span>
          </li>
        ))}
      </ul>
      {entries.every((entry) => entry.self) && (
        <p className="standpunt-presence__nobody">{t('presence.nobody')}</p>
      )}
    </aside>
  );
}
