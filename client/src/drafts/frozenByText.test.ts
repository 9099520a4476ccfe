import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/translate';
import type { TranslateFn } from '../i18n/useT';
import { isEditorial } from './editorialAccess';
import { frozenByText, shortHash } from './frozenByText';

const nl: TranslateFn = (key, params) => translate('nl', key, params);

describe('draft metadata', () => {
  it('names who froze a draft with their organisation', () => {
    const actor = { userId: 'u1', name: 'Eva Redacteur', municipality: 'GM0363' };
    expect(frozenByText(actor, nl)).toBe('Eva Redacteur (Amsterdam)');
    expect(frozenByText({ ...actor, municipality: 'VNG' }, nl)).toBe('Eva Redacteur (VNG)');
  });

  it('shortens a hash to its first twelve characters', () => {
    expect(shortHash('0123456789abcdef'.repeat(4))).toBe('0123456789ab');
  });

  it('lets editors and admins, in any phase, download the reactienota and archive', () => {
    expect(isEditorial(false, { myRole: 'editor' })).toBe(true);
    expect(isEditorial(true, { myRole: null })).toBe(true);
    expect(isEditorial(false, { myRole: 'writer' })).toBe(false);
    expect(isEditorial(false, { myRole: null })).toBe(false);
  });
});
