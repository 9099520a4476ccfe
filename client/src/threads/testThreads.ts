/** Threads and positions for unit tests. */
import type { Position, Thread } from '@standpunt/shared';

let counter = 0;

export function testThread(overrides: Partial<Thread> = {}): Thread {
  counter += 1;
  return {
    id: `thread-${counter}`,
    kind: 'comment',
    anchor: null,
    quote: '',
    context: { before: '', after: '' },
    replacement: null,
    body: 'Een reactie',
    author: { userId: 'user-1', name: 'Anna de Vries', municipality: 'GM0344' },
    createdAt: '2025-03-01T10:00:00.000Z',
    updatedAt: '2025-03-01T10:00:00.000Z',
    blockId: null,
    draft: null,
    paragraph: null,
    status: 'open',
    disposition: null,
    replies: [],
    ...overrides,
  };
}

export function testPosition(overrides: Partial<Position> = {}): Position {
  return {
    blockId: 'block-1',
    municipality: 'GM0344',
    stance: 'steunt',
    explanation: '',
    by: { userId: 'user-1', name: 'Anna de Vries', municipality: 'GM0344' },
    at: '2025-03-01T10:00:00.000Z',
    history: [],
    ...overrides,
  };
}
