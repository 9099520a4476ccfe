import { organisationName } from '@standpunt/shared';
import { Paragraph } from '@utrecht/component-library-react';
import { formatDateTime } from '../format/formatDateTime';
import { useT } from '../i18n/useT';
import { AuthorActions } from './AuthorActions';
import { DispositionControls } from './DispositionControls';
import { ReplyForm } from './ReplyForm';
import { ReplyList } from './ReplyList';
import { threadActions } from './threadActions';
import type { PlacedThread } from './threadAnchors';
import type { ThreadContext } from './threadContext';
import { ThreadQuote } from './ThreadQuote';

/** Everything about one thread, and what this person may do with it. */
export function ThreadDetails({
  placed,
  context,
}: {
  placed: PlacedThread;
  context: ThreadContext;
}) {
  const t = useT();
  const { thread } = placed;
  const actions = threadActions(thread, context.rights);
  const date = (iso: string) => formatDateTime(iso, context.locale);

  return (
    <div className="standpunt-thread-details">
      <Paragraph className="standpunt-thread-details__meta">
        <strong>
          {t('threads.card.by', {
            name: thread.author.name,
            organisation: organisationName(thread.author.municipality),
          })}
        </strong>
        {' · '}
        {t(`threads.kind.${thread.kind}`)}
        {' · '}
        <time dateTime={thread.createdAt}>
          {t('threads.card.created', { date: date(thread.createdAt) })}
        </time>
        {thread.updatedAt !== thread.createdAt && thread.status === 'open' && (
          <> ({t('threads.card.edited', { date: date(thread.updatedAt) })})</>
        )}
        {thread.draft !== null && thread.paragraph !== null && (
          <> · {t('threads.card.draft', { draft: thread.draft, paragraph: thread.paragraph })}</>
        )}
      </Paragraph>
      {placed.placement.type === 'orphaned' && (
        <Paragraph className="standpunt-thread-details__orphaned">
          {t('threads.card.orphaned')}
        </Paragraph>
      )}
      <ThreadQuote thread={thread} />
      <Paragraph className="standpunt-thread-details__body">{thread.body}</Paragraph>
      {thread.disposition && (
        <div className="standpunt-thread-details__disposition">
          <Paragraph>
            {t('threads.card.disposition', {
              status: t(`threads.status.${thread.status}`),
              name: thread.disposition.by.name,
              date: date(thread.disposition.at),
            })}
          </Paragraph>
          {thread.disposition.rationale && (
            <Paragraph>
              <strong>{t('threads.card.rationale')}:</strong> {thread.disposition.rationale}
            </Paragraph>
          )}
        </div>
      )}
      <ReplyList replies={thread.replies} locale={context.locale} />
      {(actions.edit || actions.withdraw) && <AuthorActions thread={thread} context={context} />}
      {actions.reply && <ReplyForm thread={thread} context={context} />}
      {(actions.accept || actions.reopen) && (
        <DispositionControls thread={thread} actions={actions} context={context} />
      )}
    </div>
  );
}
