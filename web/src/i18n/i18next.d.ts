import 'i18next';
import type { Messages } from './zh-CN';

// Makes t('some.key') a compile error when the key does not exist in the zh-CN resources.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
