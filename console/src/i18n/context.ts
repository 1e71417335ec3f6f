import { createContext, useContext } from 'react';
import { translate, type Lang, type MessageParams } from './format';
import type { MessageKey } from './vi';

export interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: MessageParams) => string;
}

export const I18nContext = createContext<I18nValue>({
  lang: 'vi',
  setLang: () => undefined,
  t: (key, params) => translate('vi', key, params),
});

export function useI18n(): I18nValue {
  return useContext(I18nContext);
}
