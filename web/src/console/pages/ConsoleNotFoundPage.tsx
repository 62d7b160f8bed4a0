import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../shared/ButtonLink';
import { useDocumentTitle } from '../../shared/useDocumentTitle';

export function ConsoleNotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <Result
      data-testid="console-not-found"
      status="404"
      title={t('notFound.title')}
      subTitle={t('console.notFound.subtitle')}
      extra={
        <ButtonLink to="/console" type="primary">
          {t('console.notFound.back')}
        </ButtonLink>
      }
    />
  );
}
