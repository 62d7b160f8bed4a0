import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import type { InputRef } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/apiError';
import { requestSignInCode, signInWithCode } from '../../api/siteAuth';
import type { CodeRequested } from '../../api/types';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { splitFieldErrors } from '../../shared/fieldErrors';
import { useCountdown } from '../../shared/useCountdown';
import { useSignedIn } from '../hooks/useSignedIn';
import { PhoneInput } from './PhoneInput';

interface Fields {
  phone: string;
  code: string;
}

const POINTERS = { '/body/phone': 'phone', '/body/code': 'code' } as const;
// invalid_phone is about the number as a whole: it belongs under the number, not in an alert.
const FIELD_CODES = { invalid_phone: 'phone' } as const;

const onlyDigits = (value: unknown) => (typeof value === 'string' ? value.replace(/\D/g, '').slice(0, 6) : '');

/** Sign-in (and first-time registration) with a 6-digit code sent by text message. */
export function CodeSignInForm({ phone, onPhoneChange }: { phone: string; onPhoneChange: (phone: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  const codeInput = useRef<InputRef>(null);
  const [sent, setSent] = useState<CodeRequested | null>(null);
  const [problem, setProblem] = useState<unknown>(undefined);
  const { secondsLeft, start: startCountdown } = useCountdown();
  const signedIn = useSignedIn();

  const showProblem = (error: unknown) => {
    const { fields, rest } = splitFieldErrors<keyof Fields>(error, POINTERS, FIELD_CODES);
    form.setFields(fields);
    setProblem(rest);
  };

  const sendCode = useMutation({
    mutationFn: requestSignInCode,
    onSuccess: (result) => {
      setSent(result);
      startCountdown(result.resendAfterSeconds);
      codeInput.current?.focus();
    },
    onError: (error) => {
      // While a code is still fresh the server says when another may be sent; count down to then.
      if (error instanceof ApiError && error.code === 'sms_cooldown' && error.retryAfterSeconds !== undefined) {
        startCountdown(error.retryAfterSeconds);
      }
      showProblem(error);
    },
  });

  const signIn = useMutation({
    mutationFn: (fields: Fields) => signInWithCode(fields.phone.trim(), fields.code),
    onSuccess: signedIn,
    onError: showProblem,
  });

  const onSendCode = async () => {
    let values: Pick<Fields, 'phone'>;
    try {
      values = await form.validateFields(['phone']);
    } catch {
      return;
    }
    setProblem(undefined);
    sendCode.mutate(values.phone.trim());
  };

  const sendLabel = secondsLeft > 0 ? t('auth.resendIn', { seconds: secondsLeft }) : sent ? t('auth.resend') : t('auth.sendCode');

  return (
    <Form<Fields>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ phone, code: '' }}
      onValuesChange={(changed) => {
        if (changed.phone !== undefined) onPhoneChange(changed.phone);
      }}
      onFinish={(values) => {
        setProblem(undefined);
        signIn.mutate(values);
      }}
      className="sign-in-form"
    >
      <Form.Item name="phone" label={t('auth.phone')} rules={[{ required: true, whitespace: true, message: t('auth.phoneRequired') }]}>
        <PhoneInput />
      </Form.Item>

      <Form.Item label={t('auth.code')} required>
        <div className="sign-in-form__code-row">
          <Form.Item
            name="code"
            noStyle
            normalize={onlyDigits}
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('auth.codeRequired') }]}
          >
            <Input
              ref={codeInput}
              size="large"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              placeholder={t('auth.codePlaceholder')}
              data-testid="sign-in-code"
              aria-label={t('auth.code')}
            />
          </Form.Item>
          <Button
            size="large"
            className="sign-in-form__send"
            data-testid="send-code"
            disabled={secondsLeft > 0}
            loading={sendCode.isPending}
            onClick={() => void onSendCode()}
          >
            {sendLabel}
          </Button>
        </div>
      </Form.Item>

      {sent?.demoCode ? (
        <Alert
          className="sign-in-form__notice"
          type="warning"
          showIcon
          data-testid="demo-code-notice"
          title={t('auth.demoTitle')}
          description={
            <>
              {t('auth.demoBody')} <strong data-testid="demo-code">{sent.demoCode}</strong>
            </>
          }
        />
      ) : sent ? (
        <Alert
          className="sign-in-form__notice"
          type="success"
          showIcon
          data-testid="code-sent-notice"
          title={t('auth.codeSent', { minutes: Math.round(sent.expiresInSeconds / 60) })}
        />
      ) : null}

      {problem ? (
        <div className="sign-in-form__notice" data-testid="sign-in-problem">
          <ErrorNotice error={problem} />
        </div>
      ) : null}

      <Button type="primary" htmlType="submit" size="large" block loading={signIn.isPending} data-testid="sign-in-submit">
        {t('auth.submit')}
      </Button>
    </Form>
  );
}
