import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from './describeError';

interface ErrorNoticeProps {
  error: unknown;
  onRetry?: () => void;
  /** "result" fills a page area; "alert" sits inline next to other content. */
  variant?: 'result' | 'alert';
}

export function ErrorNotice({ error, onRetry, variant = 'alert' }: ErrorNoticeProps) {
  const { t } = useTranslation();
  const { title, detail, requestId } = describeError(error, t);
  const retry = onRetry ? (
    <Button icon={<ReloadOutlined />} onClick={onRetry}>
      {t('common.retry')}
    </Button>
  ) : null;
  const description = (
    <>
      {detail}
      {requestId ? (
        <Typography.Text type="secondary" className="error-notice__request-id">
          {t('errors.requestId', { id: requestId })}
        </Typography.Text>
      ) : null}
    </>
  );

  if (variant === 'result') {
    return <Result status="warning" title={title} subTitle={description} extra={retry} />;
  }
  return <Alert type="error" showIcon title={title} description={description} action={retry} />;
}
