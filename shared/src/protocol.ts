/**
 * The y-websocket wire protocol as Standpunt speaks it: one definition for client, server,
 * tests and benchmarks.
 */

/** First varint of every binary frame (y-websocket's message types). */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/** Close codes the server uses when it ends a collaboration socket. */
export const CloseCode = {
  /** Normal shutdown, e.g. the server is stopping. */
  goingAway: 1001,
  /**
   * RFC 6455 "try again later": the server cannot serve the paper safely just now (it lost its
   * connection to the other server processes). The client reconnects by itself.
   */
  tryAgainLater: 1013,
  malformedMessage: 4400,
  notSignedIn: 4401,
  forbidden: 4403,
  paperNotFound: 4404,
  messageTooLarge: 4413,
  /**
   * Too many messages per second on this connection, or too many connections for this account
   * or address. Not fatal: the client backs off and reconnects, by then within the limit.
   */
  tooManyMessages: 4429,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Close codes after which a client must not reconnect by itself. */
export const FATAL_CLOSE_CODES: readonly number[] = [
  CloseCode.notSignedIn,
  CloseCode.forbidden,
  CloseCode.paperNotFound,
];

/** The two Y.Docs every paper has, each in its own room. */
export const DOC_NAMES = ['content', 'threads'] as const;
export type DocName = (typeof DOC_NAMES)[number];

/** Prefix of every collaboration websocket path. */
export const COLLAB_PATH_PREFIX = '/collab';

/** Room name (what the y-websocket provider appends to its URL) of one of a paper's docs. */
export function roomName(paperId: string, doc: DocName): string {
  return doc === 'content' ? paperId : `${paperId}/threads`;
}

/** Parses `/collab/<paperId>` or `/collab/<paperId>/threads`; `null` for anything else. */
export function parseCollabPath(pathname: string): { paperId: string; doc: DocName } | null {
  const match = /^\/collab\/([A-Za-z0-9_-]{1,64})(\/threads)?\/?$/.exec(pathname);
  if (!match?.[1]) return null;
  return { paperId: match[1], doc: match[2] ? 'threads' : 'content' };
}
