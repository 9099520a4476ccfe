import { describe, expect, it } from 'vitest';
import { OTHER_THEME, THEME_OPTIONS, chosenTheme } from './themeChoice';

describe('chosenTheme', () => {
  it('takes a known theme as selected', () => {
    expect(chosenTheme('Beheer', 'ignored')).toBe('Beheer');
  });

  it('takes the free text, trimmed, for "Anders…"', () => {
    expect(chosenTheme(OTHER_THEME, '  Klimaatadaptatie ')).toBe('Klimaatadaptatie');
  });

  it('never offers the "Anders…" value as a theme of its own', () => {
    expect(THEME_OPTIONS).not.toContain(OTHER_THEME);
  });
});
