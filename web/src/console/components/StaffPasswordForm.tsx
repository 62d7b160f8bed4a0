import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { submitStaffPassword } from '../../api/consoleAuth';
import type { StaffPasswordStep } from '../../api/types';
import { splitFieldErrors } from '../../shared/fieldErrors';

interface Fields {
  username: string;
  password: string;
}

const POINTERS = { '/body/username': 'username', '/body/password': 'password' } as const;

/** Step 1 of the staff sign-in: username and password. */
export function StaffPasswordForm({ onNext, onProblem }: { onNext: (step: StaffPasswordStep) => void; onProblem: (problem: unknown) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  const submit = useMutation({
    mutationFn: (fields: Fields) => submitStaffPassword(fields.username.trim(), fields.password),
    onSuccess: onNext,
    onError: (error) => {
      const { fields, rest } = splitFieldErrors<keyof Fields>(error, POINTERS);
      form.setFields(fields);
      onProblem(rest);
      form.setFieldValue('password', '');
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
      <Form.Item name="username" label={t('console.signIn.username')} rules={[{ required: true, whitespace: true, message: t('console.signIn.usernameRequired') }]}>
        <Input size="large" autoComplete="username" autoCapitalize="none" spellCheck={false} maxLength={64} data-testid="staff-username" />
      </Form.Item>
      <Form.Item name="password" label={t('console.signIn.password')} rules={[{ required: true, message: t('console.signIn.passwordRequired') }]}>
        <Input.Password size="large" autoComplete="current-password" maxLength={128} data-testid="staff-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={submit.isPending} data-testid="staff-password-submit">
        {t('console.signIn.next')}
      </Button>
    </Form>
  );
}
