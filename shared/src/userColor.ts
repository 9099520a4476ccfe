/**
 * Caret and presence colours. Each is dark enough for white text at WCAG AA (≥ 4.5:1), so a
 * caret label stays readable whoever it belongs to.
 */
export const USER_COLORS = [
  '#b3261e',
  '#1f5fa8',
  '#2e6b30',
  '#8a4b00',
  '#6a3d9a',
  '#006d77',
  '#a0225a',
  '#4a5a12',
  '#5b4636',
  '#0b5394',
] as const;

/** The same colour for the same person on every screen and every visit. */
export function userColor(userId: string): string {
  let hash = 2166136261;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return USER_COLORS[(hash >>> 0) % USER_COLORS.length] ?? USER_COLORS[0];
}
