import { describe, expect, it } from 'vitest';
import { matchRespondShortcut } from './respondShortcuts';

const key = (
  code: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>>,
) => ({
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  code,
  ...mods,
});

describe('respond shortcuts', () => {
  it('match Ctrl+Alt+M and Ctrl+Alt+S (or ⌘ on a Mac), nothing else', () => {
    expect(matchRespondShortcut(key('KeyM', { ctrlKey: true, altKey: true }))).toBe('comment');
    expect(matchRespondShortcut(key('KeyS', { metaKey: true, altKey: true }))).toBe('suggestion');
    expect(matchRespondShortcut(key('KeyS', { ctrlKey: true }))).toBeNull();
    expect(
      matchRespondShortcut(key('KeyM', { ctrlKey: true, altKey: true, shiftKey: true })),
    ).toBeNull();
  });
});
