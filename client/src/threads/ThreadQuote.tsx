import type { Thread } from '@standpunt/shared';
import { Paragraph } from '@utrecht/component-library-react';
import { useT } from '../i18n/useT';

/** The quoted text and, for a suggestion, what it would become. */
export function ThreadQuote({ thread }: { thread: Thread }) {
  const t = useT();
  if (!thread.anchor) {
    return (
      <Paragraph className="standpunt-thread-quote__whole">
        {t('threads.card.wholePaper')}
      </Paragraph>
    );
  }
  const suggestion = thread.kind === 'suggestion';
  return (
    <dl className="standpunt-thread-quote">
      {thread.quote ? (
        <div>
          <dt>{t('threads.card.quote')}</dt>
          <dd>
            <blockquote>{suggestion ? <del>{thread.quote}</del> : thread.quote}</blockquote>
          </dd>
        </div>
      ) : (
        <div>
          <dt>{t('threads.card.insertion')}</dt>
          <dd>{t('threads.card.insertionAfter', { before: thread.context.before })}</dd>
        </div>
      )}
      {suggestion && (
        <div>
          <dt>{t('threads.card.proposal')}</dt>
          <dd>
            {thread.replacement ? (
              <ins className="standpunt-thread-quote__proposal">{thread.replacement}</ins>
            ) : (
              t('threads.card.deletion')
            )}
          </dd>
        </div>
      )}
    </dl>
  );
}
