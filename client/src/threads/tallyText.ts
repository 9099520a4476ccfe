/** How a tally of positions reads: compact symbols for the eye, a sentence for screen readers. */
import type { StanceTally } from '@standpunt/shared';
import type { TranslateFn } from '../i18n/useT';

export const EMPTY_TALLY: StanceTally = {
  steunt: 0,
  'steunt-met-wijzigingen': 0,
  'steunt-niet': 0,
};

/** "✓ 3 · ~ 1 · ✗ 0". */
export function tallySymbols(tally: StanceTally): string {
  return `✓ ${tally.steunt} · ~ ${tally['steunt-met-wijzigingen']} · ✗ ${tally['steunt-niet']}`;
}

/** "3 steunen, 1 steunt met wijzigingen, 0 steunen niet". */
export function tallyDescription(tally: StanceTally, t: TranslateFn): string {
  const part = (
    count: number,
    one: Parameters<TranslateFn>[0],
    other: Parameters<TranslateFn>[0],
  ) => t(count === 1 ? one : other, { count });
  return [
    part(tally.steunt, 'tally.supports.one', 'tally.supports.other'),
    part(tally['steunt-met-wijzigingen'], 'tally.amend.one', 'tally.amend.other'),
    part(tally['steunt-niet'], 'tally.against.one', 'tally.against.other'),
  ].join(', ');
}

export function tallyTotal(tally: StanceTally): number {
  return tally.steunt + tally['steunt-met-wijzigingen'] + tally['steunt-niet'];
}
