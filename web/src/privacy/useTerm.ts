import type { ParseKeys } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** A code in words: `term(purposeKey, 'claims')` → "理赔"; a code without words is shown as it is. */
export function useTerm(): (keyOf: (value: string) => ParseKeys | undefined, value: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (keyOf: (value: string) => ParseKeys | undefined, value: string) => {
      const key = keyOf(value);
      return key ? t(key) : value;
    },
    [t],
  );
}
