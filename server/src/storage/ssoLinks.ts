/** Comparing single sign-on links, for the stores that do it themselves (the file store). */
import type { SsoLink } from './MetaStore.js';

/** One string per link, which no other issuer and subject can make. */
export function ssoLinkKey(link: SsoLink): string {
  return JSON.stringify([link.issuer, link.subject]);
}

/** Whether an account's link is the one asked for; compared exactly, as issuers compare. */
export function isSsoLink(link: SsoLink | undefined, issuer: string, subject: string): boolean {
  return link !== undefined && link.issuer === issuer && link.subject === subject;
}
