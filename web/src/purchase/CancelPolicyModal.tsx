import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Descriptions, Modal, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { cancelPolicy, fetchCancellationPreview, type Policy } from '../api/orders';
import { formatPrice, localised } from '../catalogue/format';
import { ErrorNotice } from '../shared/ErrorNotice';
import { PageSpinner } from '../shared/PageSpinner';
import { useLanguage } from '../shared/useLanguage';
import { orderKeys } from './useOrders';

/**
 * 退保 (R-POL-10): the refund the insurer would give today is shown first, and confirming sends that
 * very amount — if the insurer's answer changed meanwhile, nothing is cancelled and the new figure is
 * shown. Opened with a key and unmounted on close.
 */
export function CancelPolicyModal({ policy, onClose }: { policy: Policy; onClose: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  // Not under the policies' key: refreshing the list after the cancellation must not ask for a preview again.
  const preview = useQuery({ queryKey: ['policy-cancellation', policy.id], queryFn: () => fetchCancellationPreview(policy.id), gcTime: 0, staleTime: Infinity });
  const cancel = useMutation({
    mutationFn: (expectedRefundFen: number) => cancelPolicy(policy.id, expectedRefundFen),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: orderKeys.policies });
      void queryClient.invalidateQueries({ queryKey: orderKeys.list });
    },
    // The insurer's figure changed (or the policy did): show what holds now.
    onError: () => void preview.refetch(),
  });
  const isDone = cancel.isSuccess;
  return (
    <Modal
      open
      title={t('myInsurance.cancel.title')}
      onCancel={onClose}
      okText={isDone ? t('myInsurance.cancel.close') : t('myInsurance.cancel.confirm')}
      okButtonProps={{ danger: !isDone, disabled: !preview.data && !isDone, loading: cancel.isPending, ...{ 'data-testid': isDone ? 'cancel-policy-close' : 'cancel-policy-confirm' } }}
      cancelButtonProps={{ style: isDone ? { display: 'none' } : undefined }}
      onOk={() => (isDone ? onClose() : preview.data && cancel.mutate(preview.data.refundFen))}
      destroyOnHidden
    >
      {isDone ? (
        <Result status="success" title={t('myInsurance.cancel.done', { amount: formatPrice(cancel.data.refundFen, language) })} data-testid="cancel-policy-done" />
      ) : (
        <>
          {preview.isPending ? <PageSpinner /> : null}
          {preview.error ? <ErrorNotice error={preview.error} /> : null}
          {cancel.error ? <ErrorNotice error={cancel.error} /> : null}
          {preview.data ? (
            <>
              <Descriptions
                size="small"
                column={1}
                data-testid="cancel-policy-preview"
                items={[
                  { key: 'product', label: t('myInsurance.cancel.product'), children: `${localised(policy.product, 'name', language)} · ${policy.policyNumber}` },
                  { key: 'premium', label: t('myInsurance.cancel.premium'), children: formatPrice(preview.data.premiumFen, language) },
                  { key: 'refund', label: t('myInsurance.cancel.refund'), children: <strong data-testid="cancel-policy-refund">{formatPrice(preview.data.refundFen, language)}</strong> },
                  { key: 'lastDay', label: t('myInsurance.cancel.lastDay'), children: preview.data.lastDay },
                ]}
              />
              <Alert type="warning" showIcon title={t('myInsurance.cancel.warning')} />
            </>
          ) : null}
        </>
      )}
    </Modal>
  );
}
