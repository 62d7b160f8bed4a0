import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../shared/useDocumentTitle';

export function ConsoleForbidden() {
  const { t } = useTranslation();
  useDocumentTitle(t('console.forbidden.title'));
  return <Result status="403" title={t('console.forbidden.title')} subTitle={t('console.forbidden.subtitle')} data-testid="console-forbidden" />;
}
