import { COLLAB_PATH_PREFIX } from '@standpunt/shared';

/**
 * Whether an upgrade request's raw target is a path under `/collab`, as sent. Checked before
 * any URL parsing, because the WHATWG parser resolves `..` and `%2e%2e` segments: without this,
 * `/collab/x/../<id>` would quietly open another room and `/collab/../x` would not reach the
 * collaboration endpoint's own check (and its HTTP 400) at all.
 */
export function isCollabUpgradePath(rawUrl: string | undefined): boolean {
  const pathname = (rawUrl ?? '').split('?', 1)[0] ?? '';
  if (pathname !== COLLAB_PATH_PREFIX && !pathname.startsWith(`${COLLAB_PATH_PREFIX}/`)) {
    return false;
  }
  // Dot segments, encoded or not, and anything that decodes to a separator are refused.
  return !pathname
    .split('/')
    .some((segment) => /^(?:\.|%2e){1,2}$/i.test(segment) || /%(?:2f|5c|2e)|\\/i.test(segment));
}
