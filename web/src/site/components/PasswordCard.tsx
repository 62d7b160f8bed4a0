import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assessPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../../../src/shared/password-strength.ts';
import { setPassword } from '../../api/account';
import { queryKeys } from '../../api/queryKeys';
import type { AccountOverview } from '../../api/types';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { splitFieldErrors } from '../../shared/fieldErrors';
import { formatDateTime } from '../../shared/formatDateTime';
import { useLanguage } from '../../shared/useLanguage';
import { PasswordStrengthMeter } from './PasswordStrengthMeter';

/** Sets or changes the optional password; the meter and advice follow every keystroke. */
export function PasswordCard({ account }: { account: AccountOverview }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [password, setPasswordValue] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<unknown>(undefined);
  const strength = password === '' ? null : assessPassword(password);

  const save = useMutation({
    mutationFn: setPassword,
    onSuccess: () => {
      setPasswordValue('');
      void message.success(t('account.password.saved'));
      void queryClient.invalidateQueries({ queryKey: queryKeys.accountOverview });
    },
    onError: (error) => {
      // The server also refuses passwords that contain the person's number, which the page cannot
      // check (it only knows the masked number): its words go under the field.
      const { fields, rest } = splitFieldErrors(error, { '/body/password': 'password' }, { password_weak: 'password' });
      setFieldError(fields[0]?.errors.join(' '));
      setProblem(rest);
    },
  });

  return (
    <Card title={t('account.password.title')} className="account-card" data-testid="password-card">
      <Typography.Paragraph type="secondary" data-testid="password-status">
        {account.hasPassword && account.passwordSetAt
          ? t('account.password.setAt', { time: formatDateTime(account.passwordSetAt, language) })
          : t('account.password.notSet')}
      </Typography.Paragraph>
      <Form
        layout="vertical"
        requiredMark={false}
        className="account-password-form"
        onFinish={() => {
          setProblem(undefined);
          save.mutate(password);
        }}
      >
        <Form.Item
          label={t('account.password.newPassword')}
          htmlFor="account-new-password"
          validateStatus={fieldError ? 'error' : undefined}
          help={fieldError}
          extra={t('account.password.hint', { min: MIN_PASSWORD_LENGTH })}
        >
          <Input.Password
            id="account-new-password"
            size="large"
            autoComplete="new-password"
            maxLength={MAX_PASSWORD_LENGTH}
            placeholder={t('account.password.placeholder')}
            value={password}
            onChange={(event) => {
              setPasswordValue(event.target.value);
              setFieldError(undefined);
            }}
            data-testid="password-input"
          />
        </Form.Item>
        {strength ? <PasswordStrengthMeter strength={strength} /> : null}
        {problem ? (
          <div className="account-card__notice">
            <ErrorNotice error={problem} />
          </div>
        ) : null}
        <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!strength?.isAcceptable} data-testid="password-save">
          {account.hasPassword ? t('account.password.change') : t('account.password.set')}
        </Button>
      </Form>
    </Card>
  );
}
