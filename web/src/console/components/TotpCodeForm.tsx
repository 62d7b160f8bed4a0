import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { submitStaffTotp } from '../../api/consoleAuth';

interface Fields {
  code: string;
}

const onlyDigits = (value: unknown) => (typeof value === 'string' ? value.replace(/\D/g, '').slice(0, 6) : '');

/** Step 2: the 6-digit code of the authenticator app (on enrolment it also proves the app was set up right). */
export function TotpCodeForm({
  stepToken,
  submitLabel,
  onSignedIn,
  onProblem,
}: {
  stepToken: string;
  submitLabel: string;
  onSignedIn: () => void;
  onProblem: (problem: unknown) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  const submit = useMutation({
    mutationFn: (fields: Fields) => submitStaffTotp(stepToken, fields.code),
    onSuccess: onSignedIn,
    onError: (error) => {
      // A code is worth one try: the next attempt needs the app's next code anyway.
      form.setFieldValue('code', '');
      onProblem(error);
    },
  });

  return (
    <Form<Fields>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => {
        onProblem(undefined);
        submit.mutate(values);
      }}
    >
      <Form.Item
        name="code"
        label={t('console.signIn.code')}
        normalize={onlyDigits}
        rules={[{ required: true, pattern: /^\d{6}$/, message: t('console.signIn.codeRequired') }]}
      >
        <Input
          size="large"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          autoFocus
          placeholder={t('console.signIn.codePlaceholder')}
          className="totp-code-input"
          data-testid="totp-code"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={submit.isPending} data-testid="totp-submit">
        {submitLabel}
      </Button>
    </Form>
  );
}
