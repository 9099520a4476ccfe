/** The only link schemes a paper may contain: anything else (javascript:, data:, …) is refused. */
export const ALLOWED_LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const;

/** True when `href` is an absolute http, https or mailto URL. */
export function isAllowedLinkHref(href: string): boolean {
  // Strip what browsers ignore before the scheme, so "java\tscript:" cannot slip through.
  const cleaned = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  if (!match?.[1]) return false;
  return (ALLOWED_LINK_PROTOCOLS as readonly string[]).includes(match[1].toLowerCase());
}
