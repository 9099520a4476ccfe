/**
 * What a client puts in its awareness entry under `user`. CollaborationCaret reads `name` and
 * `color`; the presence list reads the rest.
 */
export interface PresenceUser {
  userId: string;
  /** Shown on the caret: the person's name with their organisation, e.g. "Anna de Vries (Utrecht)". */
  name: string;
  color: string;
  /** Organisation code: CBS municipality code or `VNG`. */
  municipality: string;
}

/** The awareness field that holds a {@link PresenceUser}. */
export const PRESENCE_FIELD = 'user';
