import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the tab title for the current page, following language switches. */
export function useDocumentTitle(page: string | undefined): void {
  const { t } = useTranslation();
  const title = page ? t('common.documentTitle', { page }) : t('common.brand');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
