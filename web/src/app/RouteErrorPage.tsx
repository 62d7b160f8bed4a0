import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { NotFoundPage } from '../site/pages/NotFoundPage';

/** Last line of defence for render and chunk-loading errors, instead of React Router's developer screen. */
export function RouteErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation();

  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;

  return (
    <Result
      status="500"
      title={t('errors.render.title')}
      subTitle={t('errors.render.detail')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('errors.render.reload')}
        </Button>
      }
    />
  );
}
