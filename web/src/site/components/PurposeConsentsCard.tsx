import { Alert, App, Card, Switch, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PurposeConsentView, PurposeGroup } from '../../../../src/shared/consents.ts';
import { formatDateTime } from '../../shared/formatDateTime';
import { useLanguage } from '../../shared/useLanguage';
import { useDecideConsent } from '../hooks/useConsents';

function stateOf(consent: PurposeConsentView): 'granted' | 'refused' | 'unanswered' {
  if (consent.granted === null) return 'unanswered';
  return consent.granted ? 'granted' : 'refused';
}

function PurposeItem({ consent }: { consent: PurposeConsentView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { modal } = App.useApp();
  const decide = useDecideConsent();
  const state = stateOf(consent);
  const isGranted = consent.granted === true;
  const isBusy = decide.isPending && decide.variables.purpose === consent.purpose;

  const change = (grant: boolean) => {
    const decision = { purpose: consent.purpose, decision: grant ? ('grant' as const) : ('withdraw' as const), version: consent.version, label: consent.text };
    // Withdrawing is one click like giving; only an essential consent first says what withdrawing means.
    if (grant || !consent.withdrawalEffect) {
      decide.mutate(decision);
      return;
    }
    modal.confirm({
      title: t('consents.confirmTitle'),
      content: <span data-testid="consent-withdraw-effect">{consent.withdrawalEffect}</span>,
      okText: t('consents.confirmOk'),
      cancelText: t('consents.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'consent-withdraw-confirm' },
      // A refusal is reported by the mutation; the dialog closes either way.
      onOk: () => decide.mutateAsync(decision).catch(() => undefined),
    });
  };

  return (
    <li className="consent-item" data-testid={`consent-item-${consent.purpose}`} data-state={state}>
      <div className="consent-item__main">
        <p className="consent-item__text">
          {consent.text}
          {consent.essential ? (
            <Tag color="gold" className="consent-item__tag">
              {t('consents.essential')}
            </Tag>
          ) : null}
        </p>
        <p className="consent-item__meta">
          <Tag color={isGranted ? 'success' : 'default'} data-testid={`consent-state-${consent.purpose}`}>
            {t(`consents.state.${state}`)}
          </Tag>
          {consent.decidedAt ? (
            <span>
              {t('consents.decided', {
                time: formatDateTime(consent.decidedAt, language),
                channel: t(`consents.channels.${consent.decidedChannel ?? 'web'}`),
                version: consent.decidedVersion ?? consent.version,
              })}
              {consent.decidedTextHash ? (
                <Tooltip title={`${t('consents.textHash')}: ${consent.decidedTextHash}`}>
                  <code className="consent-item__hash" translate="no">
                    {consent.decidedTextHash.slice(0, 12)}
                  </code>
                </Tooltip>
              ) : null}
            </span>
          ) : (
            <span>{t('consents.neverDecided')}</span>
          )}
        </p>
        {isGranted && consent.decidedVersion !== null && consent.decidedVersion < consent.version ? (
          <Alert type="info" showIcon className="consent-item__notice" title={t('consents.newerText', { version: consent.version })} />
        ) : null}
      </div>
      <Switch
        className="consent-item__switch"
        checked={isGranted}
        loading={isBusy}
        onChange={change}
        data-testid={`consent-switch-${consent.purpose}`}
        aria-label={t('consents.switchLabel', { purpose: consent.text, state: t(`consents.state.${state}`) })}
      />
    </li>
  );
}

/** One group of purposes (service, marketing, personalisation), each with a one-click switch. */
export function PurposeConsentsCard({ group, consents }: { group: PurposeGroup; consents: PurposeConsentView[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t(`consents.groups.${group}.title`)} className="account-card" data-testid={`consent-group-${group}`}>
      <Typography.Paragraph type="secondary">{t(`consents.groups.${group}.hint`)}</Typography.Paragraph>
      <ul className="consent-list">
        {consents.map((consent) => (
          <PurposeItem key={consent.purpose} consent={consent} />
        ))}
      </ul>
    </Card>
  );
}
