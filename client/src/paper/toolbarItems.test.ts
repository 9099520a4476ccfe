import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { nl } from '../i18n/nl';
import { HISTORY_ITEMS, TOOLBAR_GROUPS, shortcutLabel } from './toolbarItems';

describe('toolbar items', () => {
  it('carry the Dutch names the interface promises', () => {
    const labels = [...TOOLBAR_GROUPS.flat(), ...HISTORY_ITEMS].map((item) => nl[item.label]);
    expect(labels).toEqual([
      'Kop 1',
      'Kop 2',
      'Kop 3',
      'Alinea',
      'Vet',
      'Cursief',
      'Opsommingslijst',
      'Genummerde lijst',
      'Citaat',
      'Ongedaan maken',
      'Opnieuw',
    ]);
    expect(nl['toolbar.link']).toBe('Link');
    expect(en['toolbar.bold']).toBe('Bold');
  });

  it('have unique ids', () => {
    const ids = [...TOOLBAR_GROUPS.flat(), ...HISTORY_ITEMS].map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('shortcutLabel', () => {
  it('names the modifier key of the platform', () => {
    expect(shortcutLabel('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z');
    expect(shortcutLabel('Mod+Alt+1', true)).toBe('⌘+⌥+1');
  });
});
