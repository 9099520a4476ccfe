/** Keyboard shortcuts to respond to the selected text; "Mod" is Ctrl (⌘ on a Mac). */
export const RESPOND_SHORTCUTS = {
  comment: 'Mod+Alt+M',
  suggestion: 'Mod+Alt+S',
} as const;

export type RespondShortcut = keyof typeof RESPOND_SHORTCUTS;

/** Which shortcut a key press is, if any. Uses `code`, so Alt+letter on a Mac still matches. */
export function matchRespondShortcut(event: {
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  code: string;
}): RespondShortcut | null {
  if (!(event.ctrlKey || event.metaKey) || !event.altKey || event.shiftKey) return null;
  if (event.code === 'KeyM') return 'comment';
  if (event.code === 'KeyS') return 'suggestion';
  return null;
}
