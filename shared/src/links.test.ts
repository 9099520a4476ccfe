import { describe, expect, it } from 'vitest';
import { isAllowedLinkHref } from './links.js';

describe('isAllowedLinkHref', () => {
  it('allows http, https and mailto', () => {
    expect(isAllowedLinkHref('https://vng.nl/standpunt')).toBe(true);
    expect(isAllowedLinkHref('HTTP://example.nl')).toBe(true);
    expect(isAllowedLinkHref('mailto:info@vng.nl')).toBe(true);
  });

  it('refuses script, data, relative and disguised schemes', () => {
    for (const href of [
      'javascript:alert(1)',
      ' java\tscript:alert(1)',
      'data:text/html,x',
      '/pad',
      'ftp://x',
      'vbscript:x',
    ]) {
      expect(isAllowedLinkHref(href), href).toBe(false);
    }
  });
});
