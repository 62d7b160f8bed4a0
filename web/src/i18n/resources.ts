import { en } from './en';
import type { Language } from './language';
import { zhCN, type Messages } from './zh-CN';

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} satisfies Record<Language, { translation: Messages }>;
