import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/apiError';
import { changePhone, requestPhoneChangeCodes } from '../../../api/profile';
import { queryKeys } from '../../../api/queryKeys';
import type { CodeRequested } from '../../../api/types';
import { ErrorNotice } from '../../../shared/ErrorNotice';
import { splitFieldErrors } from '../../../shared/fieldErrors';
import { useCountdown } from '../../../shared/useCountdown';
import { DemoCodeNotice } from './DemoCodeNotice';

interface Fields {
  newPhone: string;
  currentPhoneCode: string;
  newPhoneCode: string;
}

const POINTERS = { '/body/newPhone': 'newPhone', '/body/currentPhoneCode': 'currentPhoneCode', '/body/newPhoneCode': 'newPhoneCode' } as const;
const FIELD_CODES = { invalid_phone: 'newPhone', phone_unchanged: 'newPhone', phone_in_use: 'newPhone' } as const;
const onlyDigits = (value: unknown) => (typeof value === 'string' ? value.replace(/\D/g, '').slice(0, 6) : '');

/**
 * The account's mobile number (masked) and the way to change it: codes to the current and to the
 * new number, both needed. Other devices are signed out by the server once it is changed.
 */
export function PhoneChangeCard({ phoneMasked }: { phoneMasked: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Fields>();
  const [isOpen, setOpen] = useState(false);
  const [sent, setSent] = useState<{ newPhone: CodeRequested; currentPhone: CodeRequested } | null>(null);
  const [problem, setProblem] = useState<unknown>(undefined);
  const { secondsLeft, start } = useCountdown();

  const showProblem = (error: unknown) => {
    const { fields, rest } = splitFieldErrors<keyof Fields>(error, POINTERS, FIELD_CODES);
    form.setFields(fields);
    setProblem(rest);
  };
  const close = () => {
    setOpen(false);
    setSent(null);
    setProblem(undefined);
    form.resetFields();
  };

  const sendCodes = useMutation({
    mutationFn: requestPhoneChangeCodes,
    onSuccess: (result) => {
      setSent(result);
      start(Math.max(result.newPhone.resendAfterSeconds, result.currentPhone.resendAfterSeconds));
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'sms_cooldown' && error.retryAfterSeconds !== undefined) start(error.retryAfterSeconds);
      showProblem(error);
    },
  });
  const change = useMutation({
    mutationFn: changePhone,
    onSuccess: (result) => {
      void message.success(
        result.otherSessionsEnded > 0 ? t('profile.phone.othersSignedOut', { phone: result.phoneMasked, count: result.otherSessionsEnded }) : t('profile.phone.changed', { phone: result.phoneMasked }),
      );
      close();
      void queryClient.invalidateQueries({ queryKey: queryKeys.account });
    },
    onError: showProblem,
  });

  const onSendCodes = async () => {
    try {
      const { newPhone } = await form.validateFields(['newPhone']);
      setProblem(undefined);
      sendCodes.mutate(newPhone.trim());
    } catch {
      // The form shows what is missing.
    }
  };

  const demoCodes = [
    ...(sent?.currentPhone.demoCode ? [{ label: t('profile.phone.demoCurrent'), code: sent.currentPhone.demoCode, testId: 'phone-demo-current' }] : []),
    ...(sent?.newPhone.demoCode ? [{ label: t('profile.phone.demoNew'), code: sent.newPhone.demoCode, testId: 'phone-demo-new' }] : []),
  ];

  return (
    <Card title={t('profile.phone.title')} className="account-card" data-testid="phone-card">
      <Typography.Paragraph>
        <Typography.Text type="secondary">{t('profile.phone.current')}：</Typography.Text>
        <span className="profile-phone" data-testid="profile-phone">
          {phoneMasked}
        </span>
      </Typography.Paragraph>
      {!isOpen ? (
        <Button onClick={() => setOpen(true)} data-testid="phone-change-open">
          {t('profile.phone.change')}
        </Button>
      ) : (
        <Form<Fields>
          form={form}
          layout="vertical"
          requiredMark={false}
          className="profile-form"
          initialValues={{ newPhone: '', currentPhoneCode: '', newPhoneCode: '' }}
          onFinish={(values) => {
            setProblem(undefined);
            change.mutate({ newPhone: values.newPhone.trim(), currentPhoneCode: values.currentPhoneCode, newPhoneCode: values.newPhoneCode });
          }}
        >
          <Typography.Paragraph type="secondary">{t('profile.phone.note')}</Typography.Paragraph>
          <Form.Item label={t('profile.phone.newPhone')} required>
            <div className="profile-code-row">
              <Form.Item name="newPhone" noStyle rules={[{ required: true, whitespace: true, message: t('profile.phone.newPhoneRequired') }]}>
                <Input
                  size="large"
                  type="tel"
                  inputMode="tel"
                  autoComplete="tel-national"
                  maxLength={20}
                  prefix={<span className="phone-input__country">+86</span>}
                  aria-label={t('profile.phone.newPhone')}
                  data-testid="phone-new"
                />
              </Form.Item>
              <Button size="large" disabled={secondsLeft > 0} loading={sendCodes.isPending} onClick={() => void onSendCodes()} data-testid="phone-send-codes">
                {secondsLeft > 0 ? t('profile.phone.resendIn', { seconds: secondsLeft }) : t('profile.phone.sendCodes')}
              </Button>
            </div>
          </Form.Item>
          {demoCodes.length > 0 ? (
            <DemoCodeNotice codes={demoCodes} />
          ) : sent ? (
            <Alert className="profile-notice" type="success" showIcon title={t('profile.phone.codesSent', { minutes: Math.round(sent.newPhone.expiresInSeconds / 60) })} />
          ) : null}
          <Form.Item
            name="currentPhoneCode"
            label={t('profile.phone.currentCode', { phone: phoneMasked })}
            normalize={onlyDigits}
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('profile.phone.codeRequired') }]}
          >
            <Input size="large" inputMode="numeric" autoComplete="one-time-code" maxLength={6} data-testid="phone-current-code" />
          </Form.Item>
          <Form.Item name="newPhoneCode" label={t('profile.phone.newCode')} normalize={onlyDigits} rules={[{ required: true, pattern: /^\d{6}$/, message: t('profile.phone.codeRequired') }]}>
            <Input size="large" inputMode="numeric" autoComplete="one-time-code" maxLength={6} data-testid="phone-new-code" />
          </Form.Item>
          {problem ? (
            <div className="profile-notice" data-testid="phone-problem">
              <ErrorNotice error={problem} />
            </div>
          ) : null}
          <div className="profile-actions">
            <Button type="primary" htmlType="submit" size="large" loading={change.isPending} disabled={!sent} data-testid="phone-submit">
              {t('profile.phone.submit')}
            </Button>
            <Button size="large" onClick={close}>
              {t('profile.phone.cancel')}
            </Button>
          </div>
        </Form>
      )}
    </Card>
  );
}
