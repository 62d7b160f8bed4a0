import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../shared/ButtonLink';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import '../components/page.css';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="site-container page-body" data-testid="not-found">
      <Result
        status="404"
        title={<h1 className="not-found__title">{t('notFound.title')}</h1>}
        subTitle={t('notFound.subtitle')}
        extra={
          <ButtonLink to="/" type="primary">
            {t('common.backHome')}
          </ButtonLink>
        }
      />
    </div>
  );
}
