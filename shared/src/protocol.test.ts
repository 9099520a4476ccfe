import { describe, expect, it } from 'vitest';
import { parseCollabPath, roomName } from './protocol.js';

describe('collaboration paths', () => {
  it('parses the content and threads rooms of a paper', () => {
    expect(parseCollabPath('/collab/abc_DEF-123')).toEqual({
      paperId: 'abc_DEF-123',
      doc: 'content',
    });
    expect(parseCollabPath('/collab/abc/threads')).toEqual({ paperId: 'abc', doc: 'threads' });
  });

  it('round-trips room names', () => {
    expect(parseCollabPath(`/collab/${roomName('p1', 'threads')}`)).toEqual({
      paperId: 'p1',
      doc: 'threads',
    });
  });

  it('refuses traversal, encoded characters, other suffixes and overlong ids', () => {
    for (const bad of [
      '/collab/../x',
      '/collab/%2e%2e',
      '/collab/a/b',
      '/collab/',
      '/collab/' + 'a'.repeat(65),
      '/api/x',
    ]) {
      expect(parseCollabPath(bad), bad).toBeNull();
    }
  });
});
