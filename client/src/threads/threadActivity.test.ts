import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/translate';
import type { TranslateFn } from '../i18n/useT';
import { activityMessage, newActivity } from './threadActivity';
import { testThread } from './testThreads';

const nl: TranslateFn = (key, params) => translate('nl', key, params);
const me = { userId: 'me', name: 'Ik', municipality: 'GM0363' };
const utrecht = { userId: 'u', name: 'Udo', municipality: 'GM0344' };

describe('new activity', () => {
  const existing = testThread({ author: me });
  const before = new Map([[existing.id, existing]]);

  it('is nothing on first load', () => {
    expect(newActivity(null, [existing], 'me')).toEqual([]);
  });

  it("announces others' threads and replies, not one's own", () => {
    const theirs = testThread({ author: utrecht, body: 'Graag  korter.' });
    const mine = testThread({ author: me });
    const replied = {
      ...existing,
      replies: [
        { id: 'r1', body: 'Eens', author: utrecht, createdAt: existing.createdAt },
        { id: 'r2', body: 'Dank', author: me, createdAt: existing.createdAt },
      ],
    };
    const activity = newActivity(before, [replied, theirs, mine], 'me');
    expect(activity.map((a) => activityMessage(a, nl))).toEqual([
      'Nieuw antwoord van Utrecht: Eens',
      'Nieuwe reactie van Utrecht: Graag korter.',
    ]);
  });
});
