/** Who is on the other end of a collaboration socket, as the session says. */
export interface CollabIdentity {
  userId: string;
  name: string;
  /** Organisation code: CBS municipality code or `VNG`. */
  municipality: string;
}
