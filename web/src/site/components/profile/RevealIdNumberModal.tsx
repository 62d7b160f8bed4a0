import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idDocumentTypeNames, type IdDocumentType } from '../../../../../src/shared/identity-documents.ts';
import { ApiError } from '../../../api/apiError';
import { requestRevealCode, revealIdNumber } from '../../../api/profile';
import type { CodeRequested } from '../../../api/types';
import { ErrorNotice } from '../../../shared/ErrorNotice';
import { splitFieldErrors } from '../../../shared/fieldErrors';
import { useCountdown } from '../../../shared/useCountdown';
import { useLanguage } from '../../../shared/useLanguage';
import { DemoCodeNotice } from './DemoCodeNotice';

const onlyDigits = (value: string) => value.replace(/\D/g, '').slice(0, 6);

/**
 * The “显示” of the saved document number: a fresh code to the account's phone first, every time.
 * The full number lives only in this dialog's state and goes when the dialog closes.
 */
function RevealSteps({ phoneMasked }: { phoneMasked: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [sent, setSent] = useState<CodeRequested | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<unknown>(undefined);
  const [revealed, setRevealed] = useState<{ type: IdDocumentType; number: string } | null>(null);
  const { secondsLeft, start } = useCountdown();

  const showProblem = (error: unknown) => {
    const { fields, rest } = splitFieldErrors(error, { '/body/code': 'code' });
    setCodeError(fields[0]?.errors.join(' '));
    setProblem(rest);
  };
  const send = useMutation({
    mutationFn: requestRevealCode,
    onSuccess: (result) => {
      setSent(result);
      start(result.resendAfterSeconds);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'sms_cooldown' && error.retryAfterSeconds !== undefined) start(error.retryAfterSeconds);
      showProblem(error);
    },
  });
  const reveal = useMutation({ mutationFn: revealIdNumber, onSuccess: setRevealed, onError: showProblem });

  if (revealed) {
    return (
      <div data-testid="revealed-id">
        <Typography.Text type="secondary">{idDocumentTypeNames[revealed.type][language]}</Typography.Text>
        <div className="profile-revealed" data-testid="revealed-id-number">
          {revealed.number}
        </div>
        <Typography.Paragraph type="secondary">{t('profile.reveal.shownNote')}</Typography.Paragraph>
      </div>
    );
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        event.stopPropagation();
        if (/^\d{6}$/.test(code)) {
          setProblem(undefined);
          reveal.mutate(code);
        } else {
          setCodeError(t('profile.reveal.codeRequired'));
        }
      }}
    >
      <Typography.Paragraph>{t('profile.reveal.body', { phone: phoneMasked })}</Typography.Paragraph>
      <label className="profile-label" htmlFor="reveal-code">
        {t('profile.reveal.code')}
      </label>
      <div className="profile-code-row">
        <Input
          id="reveal-code"
          size="large"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          status={codeError ? 'error' : undefined}
          value={code}
          onChange={(event) => {
            setCode(onlyDigits(event.target.value));
            setCodeError(undefined);
          }}
          data-testid="reveal-code"
        />
        <Button size="large" disabled={secondsLeft > 0} loading={send.isPending} onClick={() => send.mutate()} data-testid="reveal-send-code">
          {secondsLeft > 0 ? t('profile.reveal.resendIn', { seconds: secondsLeft }) : t('profile.reveal.sendCode')}
        </Button>
      </div>
      {codeError ? (
        <div className="profile-field-error" role="alert">
          {codeError}
        </div>
      ) : null}
      {sent?.demoCode ? (
        <DemoCodeNotice codes={[{ code: sent.demoCode, testId: 'reveal-demo-code' }]} />
      ) : sent ? (
        <Alert className="profile-notice" type="success" showIcon title={t('profile.reveal.codeSent', { minutes: Math.round(sent.expiresInSeconds / 60) })} />
      ) : null}
      {problem ? (
        <div className="profile-notice">
          <ErrorNotice error={problem} />
        </div>
      ) : null}
      <Button type="primary" htmlType="submit" size="large" block loading={reveal.isPending} disabled={!sent} data-testid="reveal-submit">
        {t('profile.reveal.submit')}
      </Button>
    </form>
  );
}

export function RevealIdNumberModal({ open, onClose, phoneMasked }: { open: boolean; onClose: () => void; phoneMasked: string }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={t('profile.reveal.title')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('profile.reveal.close')}</Button>}
      destroyOnHidden
      data-testid="reveal-dialog"
    >
      <RevealSteps phoneMasked={phoneMasked} />
    </Modal>
  );
}
