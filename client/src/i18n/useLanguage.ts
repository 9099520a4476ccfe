import { useContext } from 'react';
import { LanguageContext, type LanguageContextValue } from './LanguageContext';

export function useLanguage(): LanguageContextValue {
  return useContext(LanguageContext);
}
