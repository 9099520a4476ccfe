/** Who is on the other end of a collaboration socket, as the session says. */
export interface CollabIdentity {
  userId: string;
  name: string;
  /** Organisation code: CBS municipality code or `VNG`. */
  municipality: string;
}

/** A socket's sign-in: who, and by which session (the token's hash, never sent anywhere). */
export interface CollabSignIn {
  identity: CollabIdentity;
  session: string;
}

/**
 * Sessions that ended, whose sockets must close (4401): every one of an account, perhaps but
 * one (`exceptSession`, kept when one changes one's own password), or one session's.
 */
export type SignOut = { userId: string; exceptSession?: string } | { session: string };

export function isSignedOut(who: SignOut, { identity, session }: CollabSignIn): boolean {
  if ('session' in who) return who.session === session;
  return who.userId === identity.userId && who.exceptSession !== session;
}
