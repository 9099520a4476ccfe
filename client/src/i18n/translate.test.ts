import { describe, expect, it } from 'vitest';
import { en } from './en';
import { nl } from './nl';
import { DICTIONARIES, isLanguage, translate } from './translate';

describe('dictionaries', () => {
  it('have identical keys in every language', () => {
    const dutch = Object.keys(nl).sort();
    for (const dictionary of Object.values(DICTIONARIES)) {
      expect(Object.keys(dictionary).sort()).toEqual(dutch);
    }
  });

  it('have no empty messages', () => {
    for (const dictionary of Object.values(DICTIONARIES)) {
      for (const [key, value] of Object.entries(dictionary)) {
        expect(value.trim(), key).not.toBe('');
      }
    }
  });

  it('use the same placeholders in every language', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]));
    }
  });

  it('label the language switch with the other language', () => {
    expect(nl['header.switchLanguage']).toBe('English');
    expect(en['header.switchLanguage']).toBe('Nederlands');
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('nl', 'admin.new.created', { name: 'Anna' })).toBe(
      'Account aangemaakt voor Anna.',
    );
    expect(translate('en', 'import.fileHint', { size: 5 })).toBe('At most 5 MB.');
  });

  it('leaves unknown placeholders as they are', () => {
    expect(translate('nl', 'admin.new.created', {})).toBe('Account aangemaakt voor {name}.');
  });

  it('recognises only known languages', () => {
    expect(isLanguage('nl')).toBe(true);
    expect(isLanguage('de')).toBe(false);
    expect(isLanguage(null)).toBe(false);
  });
});
