import { organisationName, type Draft } from '@standpunt/shared';

const MOMENT = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  dateStyle: 'long',
  timeStyle: 'short',
});

/** A moment as Dutch readers expect it, in Dutch time: "12 maart 2026 om 14:05". */
export function formatMoment(iso: string): string {
  return MOMENT.format(new Date(iso));
}

/** Who froze the draft: "Eva Redacteur (Amsterdam)". */
export function frozenByText(draft: Pick<Draft, 'frozenBy'>): string {
  return `${draft.frozenBy.name} (${organisationName(draft.frozenBy.municipality)})`;
}

/**
 * The metadata header every export shows, as label/value pairs in a fixed order. Values are
 * derived from the draft only, so an export of one draft is the same every time.
 */
export function draftMetadata(draft: Draft): Array<[label: string, value: string]> {
  return [
    ['Thema', draft.theme],
    ['Versie', `${draft.number} — ${draft.label}`],
    ['Fase', draft.phase],
    ['Vastgelegd door', frozenByText(draft)],
    ['Vastgelegd op', `${formatMoment(draft.frozenAt)} (${draft.frozenAt})`],
    ['SHA-256', draft.sha256],
  ];
}
