import { useT } from '../i18n/useT';
import type { MessageKey } from '../i18n/nl';
import type { ConnectionState } from './connectionState';

const LABELS: Record<ConnectionState, MessageKey> = {
  connecting: 'connection.connecting',
  connected: 'connection.connected',
  reconnecting: 'connection.reconnecting',
  offline: 'connection.offline',
};

interface ConnectionStatusProps {
  state: ConnectionState;
  unsentChanges: boolean;
  /** Whether this person edits at all: readers have nothing to save. */
  showSaveState: boolean;
}

/** "Verbonden" / "Opnieuw verbinden…" / "Offline", and whether all edits reached the server. */
export function ConnectionStatus({ state, unsentChanges, showSaveState }: ConnectionStatusProps) {
  const t = useT();
  return (
    <div className="standpunt-connection" data-state={state}>
      <p role="status" className="standpunt-connection__state">
        <span className="standpunt-connection__dot" aria-hidden="true" />
        {t(LABELS[state])}
      </p>
      {showSaveState && (unsentChanges || state === 'connected') && (
        <p className="standpunt-connection__saved" aria-live="polite">
          {unsentChanges ? t('connection.unsent') : t('connection.saved')}
        </p>
      )}
    </div>
  );
}
