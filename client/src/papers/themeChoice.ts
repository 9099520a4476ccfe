import { KNOWN_THEMES } from '@standpunt/shared';

/** The value of the "Anders…" option of the theme select. */
export const OTHER_THEME = '__other__';

/** The theme a paper gets from the select and, when "Anders…" is chosen, the free text. */
export function chosenTheme(selected: string, other: string): string {
  return selected === OTHER_THEME ? other.trim() : selected;
}

export const THEME_OPTIONS: readonly string[] = KNOWN_THEMES;
