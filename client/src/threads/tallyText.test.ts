import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/translate';
import type { TranslateFn } from '../i18n/useT';
import { tallyDescription, tallySymbols } from './tallyText';

const nl: TranslateFn = (key, params) => translate('nl', key, params);
const en: TranslateFn = (key, params) => translate('en', key, params);
const tally = { steunt: 3, 'steunt-met-wijzigingen': 1, 'steunt-niet': 0 };

describe('tally text', () => {
  it('shows symbols with counts', () => {
    expect(tallySymbols(tally)).toBe('✓ 3 · ~ 1 · ✗ 0');
  });

  it('says the counts in words, singular and plural', () => {
    expect(tallyDescription(tally, nl)).toBe('3 steunen, 1 steunt met wijzigingen, 0 steunen niet');
    expect(tallyDescription(tally, en)).toBe(
      '3 support, 1 supports with changes, 0 do not support',
    );
  });
});
