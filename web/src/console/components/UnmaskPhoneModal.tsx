import { EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unmaskCustomerPhone } from '../../api/customers';
import { consoleMutationKey } from '../../api/queryKeys';
import type { CustomerCard } from '../../api/types';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { splitFieldErrors } from '../../shared/fieldErrors';
import './secret.css';
import './privacy-pages.css';

/** The server's rule (src/modules/accounts/staff-lookup-customers.ts): at least 5 characters once trimmed. */
const MIN_REASON_LENGTH = 5;

interface Fields {
  reason: string;
}

/**
 * Shows one customer's full number after the staff member has typed why. Opened with
 * key={customerId} and unmounted on close, so the number is gone from the screen and from memory
 * (the mutation keeps nothing: gcTime 0) as soon as the window closes.
 */
export function UnmaskPhoneModal({ customer, onClose }: { customer: CustomerCard; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  const [problem, setProblem] = useState<unknown>(undefined);

  const unmask = useMutation({
    mutationKey: consoleMutationKey('customer-unmask'),
    mutationFn: (reason: string) => unmaskCustomerPhone(customer.customerId, reason),
    gcTime: 0,
    onError: (error) => {
      // reason_required: the server's refusal, in its own words, next to the reason.
      const { fields, rest } = splitFieldErrors<keyof Fields>(error, { '/body/reason': 'reason' }, { reason_required: 'reason' });
      form.setFields(fields);
      setProblem(rest);
    },
  });
  const value = unmask.data?.value;

  return (
    <Modal
      open
      title={t('console.customers.unmaskTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        value
          ? [
              <Button key="close" type="primary" onClick={onClose} data-testid="unmask-close">
                {t('console.customers.close')}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={onClose}>
                {t('console.customers.cancel')}
              </Button>,
              <Button key="submit" type="primary" icon={<EyeOutlined />} loading={unmask.isPending} onClick={() => form.submit()} data-testid="unmask-submit">
                {t('console.customers.unmaskSubmit')}
              </Button>,
            ]
      }
    >
      <Descriptions
        size="small"
        column={1}
        className="console-page__block"
        items={[
          {
            key: 'customerId',
            label: t('console.customers.customerId'),
            children: (
              <span className="privacy-id" translate="no">
                {customer.customerId}
              </span>
            ),
          },
          { key: 'phone', label: t('console.customers.phoneMasked'), children: <span translate="no">{customer.phoneMasked}</span> },
        ]}
      />
      {value ? (
        <div className="unmask-result">
          <Typography.Text strong>{t('console.customers.fullNumber')}</Typography.Text>
          <span className="console-secret unmask-result__value" data-testid="unmasked-value" translate="no">
            {value}
          </span>
          <Typography.Paragraph type="secondary" className="unmask-result__note">
            {t('console.customers.hiddenOnClose')}
          </Typography.Paragraph>
        </div>
      ) : (
        <>
          <Alert type="warning" showIcon title={t('console.customers.unmaskWarning')} className="console-page__block" />
          <Form<Fields>
            form={form}
            layout="vertical"
            requiredMark={false}
            initialValues={{ reason: '' }}
            onFinish={({ reason }) => {
              setProblem(undefined);
              unmask.mutate(reason.trim());
            }}
          >
            <Form.Item
              name="reason"
              label={t('console.customers.reason')}
              rules={[
                {
                  validator: (_rule, reason: string | undefined) =>
                    (reason?.trim().length ?? 0) >= MIN_REASON_LENGTH ? Promise.resolve() : Promise.reject(new Error(t('console.customers.reasonRequired'))),
                },
              ]}
            >
              <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('console.customers.reasonPlaceholder')} data-testid="unmask-reason" />
            </Form.Item>
          </Form>
          {problem ? <ErrorNotice error={problem} /> : null}
        </>
      )}
    </Modal>
  );
}
