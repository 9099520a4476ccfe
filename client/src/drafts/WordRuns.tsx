import type { WordDiff } from '@standpunt/shared';
import { useT } from '../i18n/useT';

/**
 * A block's text as equal, inserted (`<ins>`) and deleted (`<del>`) runs. Screen readers do not
 * all announce ins and del, so each run also says what it is, in words only they read.
 */
export function WordRuns({ runs }: { runs: readonly WordDiff[] }) {
  const t = useT();
  return (
    <>
      {runs.map((run, index) => {
        switch (run.op) {
          case 'equal':
            return <span key={index}>{run.text}</span>;
          case 'insert':
            return (
              <ins key={index}>
                <Marker text={`[${t('compare.inserted')} `} />
                {run.text}
                <Marker text={` ${t('compare.runEnd')}]`} />
              </ins>
            );
          case 'delete':
            return (
              <del key={index}>
                <Marker text={`[${t('compare.deleted')} `} />
                {run.text}
                <Marker text={` ${t('compare.runEnd')}]`} />
              </del>
            );
          default: {
            const never: never = run.op;
            return never;
          }
        }
      })}
    </>
  );
}

function Marker({ text }: { text: string }) {
  return <span className="standpunt-visually-hidden">{text}</span>;
}
