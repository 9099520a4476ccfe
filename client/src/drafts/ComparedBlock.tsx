import { useT } from '../i18n/useT';
import type { ComparedBlockView } from './compareView';
import { WordRuns } from './WordRuns';

/** One block of a comparison: what happened to it (in words), where it is, and its text. */
export function ComparedBlock({ view }: { view: ComparedBlockView }) {
  const t = useT();
  return (
    <li className="standpunt-compared" data-change={view.change}>
      <p className="standpunt-compared__head">
        <span className="standpunt-compared__label">{t(view.label)}</span>{' '}
        <span className="standpunt-compared__place">
          {view.place}
          {view.previousPlace && ` ${view.previousPlace}`}
        </span>
      </p>
      <p className="standpunt-compared__text">
        <WordRuns runs={view.runs} />
      </p>
    </li>
  );
}
