/**
 * What is new in the threads doc since the last look, to announce to screen-reader users:
 * threads and replies by others — never one's own, and nothing on first load.
 */
import { organisationName, type Thread, type ThreadReply } from '@standpunt/shared';
import type { TranslateFn } from '../i18n/useT';

export type Activity =
  { type: 'thread'; thread: Thread } | { type: 'reply'; thread: Thread; reply: ThreadReply };

export function newActivity(
  previous: ReadonlyMap<string, Thread> | null,
  next: readonly Thread[],
  ownUserId: string,
): Activity[] {
  if (!previous) return [];
  const activity: Activity[] = [];
  for (const thread of next) {
    const before = previous.get(thread.id);
    if (!before) {
      if (thread.author.userId !== ownUserId) activity.push({ type: 'thread', thread });
      continue;
    }
    const known = new Set(before.replies.map((reply) => reply.id));
    for (const reply of thread.replies) {
      if (!known.has(reply.id) && reply.author.userId !== ownUserId) {
        activity.push({ type: 'reply', thread, reply });
      }
    }
  }
  return activity;
}

const EXCERPT = 120;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat;
}

/** "Nieuwe reactie van Utrecht: …". */
export function activityMessage(activity: Activity, t: TranslateFn): string {
  switch (activity.type) {
    case 'thread':
      return t(
        activity.thread.kind === 'suggestion'
          ? 'threads.announce.suggestion'
          : 'threads.announce.comment',
        {
          organisation: organisationName(activity.thread.author.municipality),
          body: excerpt(activity.thread.body),
        },
      );
    case 'reply':
      return t('threads.announce.reply', {
        organisation: organisationName(activity.reply.author.municipality),
        body: excerpt(activity.reply.body),
      });
    default:
      return exhaustive(activity);
  }
}

function exhaustive(value: never): never {
  throw new Error(`Unhandled activity: ${JSON.stringify(value)}`);
}
