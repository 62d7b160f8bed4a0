import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { setStaffProductStatus } from '../api/catalogue';
import type { ProductStatus } from '../../../src/shared/catalogue/terms.ts';
import { describeError } from '../shared/describeError';
import { useProductEdit } from './editing/useProductEdit';

/**
 * 上架 / 下架 after a confirmation (R-POL-1). Publishing is refused with the list of problems when the
 * product is not ready; the refusal is shown as a message.
 */
export function ProductStatusButton({ code, status, size, testIdPrefix }: { code: string; status: ProductStatus; size?: 'small'; testIdPrefix: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const publishing = status !== 'published';
  const setStatus = useProductEdit(
    'status',
    () => setStaffProductStatus(code, publishing ? 'published' : 'draft'),
    (detail) => void message.success(detail.status === 'published' ? t('catalogue.console.publishedMessage') : t('catalogue.console.unpublishedMessage')),
  );
  return (
    <Popconfirm
      title={publishing ? t('catalogue.console.publishTitle') : t('catalogue.console.unpublishTitle')}
      description={<span className="recipient-confirm">{publishing ? t('catalogue.console.publishBody') : t('catalogue.console.unpublishBody')}</span>}
      okText={t('catalogue.console.confirm')}
      cancelText={t('catalogue.console.cancel')}
      okButtonProps={{ 'data-testid': `${testIdPrefix}-confirm` }}
      onConfirm={() =>
        setStatus.mutateAsync(undefined).catch((error: unknown) => {
          const { title, detail } = describeError(error, t);
          void message.error(detail || title);
        })
      }
    >
      <Button size={size} type={publishing ? 'primary' : 'default'} danger={!publishing} loading={setStatus.isPending} data-testid={`${testIdPrefix}-toggle`}>
        {publishing ? t('catalogue.console.publish') : t('catalogue.console.unpublish')}
      </Button>
    </Popconfirm>
  );
}
