import { useCallback } from 'react';
import type { MessageKey } from './nl';
import { translate, type MessageParams } from './translate';
import { useLanguage } from './useLanguage';

export type TranslateFn = (key: MessageKey, params?: MessageParams) => string;

/** The translate function for the current interface language. */
export function useT(): TranslateFn {
  const { language } = useLanguage();
  return useCallback(
    (key: MessageKey, params?: MessageParams) => translate(language, key, params),
    [language],
  );
}
