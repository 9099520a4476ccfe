import type { StanceTally } from '@standpunt/shared';
import { useT } from '../i18n/useT';
import { tallyDescription, tallySymbols } from './tallyText';

/** "✓ 3 · ~ 1 · ✗ 0" on screen; the counts in words for screen readers. */
export function TallyText({ tally, prefix }: { tally: StanceTally; prefix?: string }) {
  const t = useT();
  const words = tallyDescription(tally, t);
  return (
    <span className="standpunt-tally">
      <span aria-hidden="true" className="standpunt-tally__symbols">
        {tallySymbols(tally)}
      </span>
      <span className="standpunt-visually-hidden">{prefix ? `${prefix}: ${words}` : words}</span>
    </span>
  );
}
