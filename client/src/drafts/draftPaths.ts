import type { VersionRef } from '@standpunt/shared';

/** The app's own addresses for drafts (Dutch, as the interface), and the parsing of them. */

const DRAFT_NUMBER = /^[1-9][0-9]{0,8}$/;

const paperPage = (paperId: string) => `/papers/${encodeURIComponent(paperId)}`;

/** `/papers/:id/versies`: every draft of a paper. */
export function draftsPagePath(paperId: string): string {
  return `${paperPage(paperId)}/versies`;
}

/** `/papers/:id/versies/:n`: one draft, read-only. A stable address that people cite. */
export function draftPagePath(paperId: string, number: number): string {
  return `${draftsPagePath(paperId)}/${number}`;
}

/**
 * `/papers/:id/versies/:n/vergelijk/:m`: two drafts, the older first, so that the comparison
 * reads as "what changed since"; or a draft and the live text (`live`).
 */
export function comparePagePath(paperId: string, draft: number, other: VersionRef): string {
  const [from, to] = other !== 'live' && other < draft ? [other, draft] : [draft, other];
  return `${draftPagePath(paperId, from)}/vergelijk/${to}`;
}

/** A draft number from the address, or null for anything that cannot be one. */
export function parseDraftNumber(value: string | undefined): number | null {
  return value !== undefined && DRAFT_NUMBER.test(value) ? Number(value) : null;
}

/** A draft number or `live` from the address, or null. */
export function parseVersionRef(value: string | undefined): VersionRef | null {
  return value === 'live' ? 'live' : parseDraftNumber(value);
}
