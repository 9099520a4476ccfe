import { organisationName, type ThreadReply } from '@standpunt/shared';
import { formatDateTime } from '../format/formatDateTime';
import { useT } from '../i18n/useT';

/** The replies to a thread, oldest first. */
export function ReplyList({
  replies,
  locale,
}: {
  replies: readonly ThreadReply[];
  locale: string;
}) {
  const t = useT();
  if (replies.length === 0) return null;
  return (
    <section className="standpunt-replies">
      <h4 className="standpunt-replies__title">
        {replies.length === 1
          ? t('threads.card.replyCountOne')
          : t('threads.card.replyCount', { count: replies.length })}
      </h4>
      <ol className="standpunt-replies__list">
        {replies.map((reply) => (
          <li key={reply.id}>
            <p className="standpunt-replies__meta">
              <strong>
                {t('threads.card.by', {
                  name: reply.author.name,
                  organisation: organisationName(reply.author.municipality),
                })}
              </strong>{' '}
              <time dateTime={reply.createdAt}>{formatDateTime(reply.createdAt, locale)}</time>
            </p>
            <p className="standpunt-replies__body">{reply.body}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
