import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { giveGuardianConsent, requestGuardianCode, type GuardianRelationship } from '../api/minors';
import { queryKeys } from '../api/queryKeys';
import type { CodeRequested } from '../api/types';
import { ErrorNotice } from '../shared/ErrorNotice';
import { splitFieldErrors } from '../shared/fieldErrors';
import { PageSpinner } from '../shared/PageSpinner';
import { signInPathFor } from '../shared/safeNextPath';
import { useCountdown } from '../shared/useCountdown';
import { useDocumentTitle } from '../shared/useDocumentTitle';
import { PageHeading } from '../site/components/PageHeading';
import { PhoneInput } from '../site/components/PhoneInput';
import { isCustomer, useSiteSession } from '../site/hooks/useSiteSession';
import { useAgeInfo } from './useAgeInfo';
import './minors.css';

interface Fields {
  guardianPhone: string;
  code: string;
  relationship: GuardianRelationship;
  agreed: boolean;
}

const POINTERS = { '/body/guardianPhone': 'guardianPhone', '/body/code': 'code', '/body/relationship': 'relationship', '/body/agreed': 'agreed' } as const;
const FIELD_CODES = { invalid_phone: 'guardianPhone', guardian_phone_is_child: 'guardianPhone', code_invalid: 'code', code_expired: 'code' } as const;
const RELATIONSHIPS: GuardianRelationship[] = ['father', 'mother', 'other_guardian'];

/**
 * The guardian flow for a child under 14 (R-MIN-1): the guardian proves their own mobile with a code,
 * says how they are related, reads what they consent to and ticks it themselves (never pre-ticked).
 */
export function GuardianPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSiteSession();
  const age = useAgeInfo();
  const [form] = Form.useForm<Fields>();
  const [sent, setSent] = useState<CodeRequested | null>(null);
  const [problem, setProblem] = useState<unknown>(undefined);
  const { secondsLeft, start } = useCountdown();
  useDocumentTitle(t('minors.guardian.title'));

  const showProblem = (error: unknown) => {
    const { fields, rest } = splitFieldErrors<keyof Fields>(error, POINTERS, FIELD_CODES);
    form.setFields(fields);
    setProblem(rest);
  };
  const sendCode = useMutation({
    mutationFn: requestGuardianCode,
    onSuccess: (result) => {
      setSent(result);
      start(result.resendAfterSeconds);
    },
    onError: showProblem,
  });
  const consent = useMutation({
    mutationFn: giveGuardianConsent,
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.account }), queryClient.invalidateQueries({ queryKey: queryKeys.siteSession })]);
      void navigate('/account/security', { replace: true, state: { guardianConsented: true } });
    },
    onError: showProblem,
  });

  if (session.isPending) return <PageSpinner />;
  if (!isCustomer(session.data)) return <Navigate to={signInPathFor('/sign-in', '/account/guardian')} replace />;
  if (age.isPending) return <PageSpinner />;
  if (age.isError) return <ErrorNotice variant="result" error={age.error} onRetry={() => void age.refetch()} />;
  if (age.data.standing === 'unknown') return <Navigate to="/account/age" replace />;
  if (age.data.standing !== 'child_awaiting_guardian') {
    return (
      <div className="minors-page">
        <PageHeading title={t('minors.guardian.title')} />
        <Alert type="success" showIcon data-testid="guardian-done" title={t('minors.guardian.notNeeded')} />
      </div>
    );
  }

  const onSendCode = async () => {
    try {
      const { guardianPhone } = await form.validateFields(['guardianPhone']);
      setProblem(undefined);
      sendCode.mutate(guardianPhone.trim());
    } catch {
      // The form shows what is missing.
    }
  };

  return (
    <div className="minors-page">
      <PageHeading title={t('minors.guardian.title')} />
      <Card>
        <Typography.Paragraph>{t('minors.guardian.intro')}</Typography.Paragraph>
        <Form<Fields>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ guardianPhone: '', code: '', agreed: false }}
          onFinish={(values) => {
            setProblem(undefined);
            consent.mutate({ ...values, guardianPhone: values.guardianPhone.trim(), version: age.data.guardianConsent.version });
          }}
        >
          <Form.Item name="guardianPhone" label={t('minors.guardian.phone')} extra={t('minors.guardian.phoneHint')} rules={[{ required: true, whitespace: true, message: t('auth.phoneRequired') }]}>
            <PhoneInput data-testid="guardian-phone" />
          </Form.Item>
          <Form.Item label={t('auth.code')} required>
            <div className="minors-code-row">
              <Form.Item name="code" noStyle rules={[{ required: true, pattern: /^\d{6}$/, message: t('auth.codeRequired') }]}>
                <Input size="large" inputMode="numeric" autoComplete="one-time-code" maxLength={6} data-testid="guardian-code" aria-label={t('auth.code')} />
              </Form.Item>
              <Button size="large" disabled={secondsLeft > 0} loading={sendCode.isPending} onClick={() => void onSendCode()} data-testid="guardian-send-code">
                {secondsLeft > 0 ? t('auth.resendIn', { seconds: secondsLeft }) : sent ? t('auth.resend') : t('auth.sendCode')}
              </Button>
            </div>
          </Form.Item>
          {sent?.demoCode ? (
            <Alert type="warning" showIcon data-testid="demo-code-notice" title={t('auth.demoTitle')} description={<>{t('auth.demoBody')} <strong data-testid="demo-code">{sent.demoCode}</strong></>} />
          ) : null}
          <Form.Item name="relationship" label={t('minors.guardian.relationship')} rules={[{ required: true, message: t('minors.guardian.relationshipRequired') }]}>
            <Select
              size="large"
              data-testid="guardian-relationship"
              placeholder={t('minors.guardian.relationshipPlaceholder')}
              options={RELATIONSHIPS.map((value) => ({ value, label: t(`minors.relationship.${value}`) }))}
            />
          </Form.Item>
          <div className="minors-consent-text" data-testid="guardian-consent-text">
            {age.data.guardianConsent.text}
          </div>
          <Form.Item
            name="agreed"
            valuePropName="checked"
            rules={[{ validator: (_rule, value: boolean) => (value ? Promise.resolve() : Promise.reject(new Error(t('minors.guardian.agreeRequired')))) }]}
          >
            <Checkbox data-testid="guardian-agree">{t('minors.guardian.agree')}</Checkbox>
          </Form.Item>
          {problem ? <ErrorNotice error={problem} /> : null}
          <Button type="primary" size="large" htmlType="submit" loading={consent.isPending} data-testid="guardian-submit">
            {t('minors.guardian.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
