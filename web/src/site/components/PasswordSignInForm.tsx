import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { signInWithPassword } from '../../api/siteAuth';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { splitFieldErrors } from '../../shared/fieldErrors';
import { useSignedIn } from '../hooks/useSignedIn';
import { PhoneInput } from './PhoneInput';

interface Fields {
  phone: string;
  password: string;
}

const POINTERS = { '/body/phone': 'phone', '/body/password': 'password' } as const;
const FIELD_CODES = { invalid_phone: 'phone' } as const;

/** Sign-in with the optional password a customer set under account security. */
export function PasswordSignInForm({ phone, onPhoneChange }: { phone: string; onPhoneChange: (phone: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  const [problem, setProblem] = useState<unknown>(undefined);
  const signedIn = useSignedIn();

  const signIn = useMutation({
    mutationFn: (fields: Fields) => signInWithPassword(fields.phone.trim(), fields.password),
    onSuccess: signedIn,
    onError: (error) => {
      const { fields, rest } = splitFieldErrors<keyof Fields>(error, POINTERS, FIELD_CODES);
      form.setFields(fields);
      setProblem(rest);
    },
  });

  return (
    <Form<Fields>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ phone, password: '' }}
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
      <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]} extra={t('auth.passwordNote')}>
        <Input.Password size="large" autoComplete="current-password" maxLength={128} placeholder={t('auth.passwordPlaceholder')} data-testid="sign-in-password" />
      </Form.Item>

      {problem ? (
        <div className="sign-in-form__notice" data-testid="sign-in-problem">
          <ErrorNotice error={problem} />
        </div>
      ) : null}

      <Button type="primary" htmlType="submit" size="large" block loading={signIn.isPending} data-testid="password-sign-in-submit">
        {t('auth.submit')}
      </Button>
    </Form>
  );
}
