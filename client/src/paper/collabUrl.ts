import { COLLAB_PATH_PREFIX } from '@standpunt/shared';

/**
 * The websocket base the provider appends `/<room>` to: same host as the page, `wss:` when
 * the page is served over https.
 */
export function collabServerUrl(location: { protocol: string; host: string }): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${COLLAB_PATH_PREFIX}`;
}
