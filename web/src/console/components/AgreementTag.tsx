import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AgreementState } from '../agreementState';

const COLORS: Readonly<Record<AgreementState['kind'], string>> = { in_force: 'success', expiring: 'warning', missing: 'error', not_yet: 'error', expired: 'error' };

/** Whether the agreement lets data flow today: green when it does, red when the recipient receives nothing. */
export function AgreementTag({ state }: { state: AgreementState }) {
  const { t } = useTranslation();
  const label =
    state.kind === 'expiring'
      ? state.days === 0
        ? t('console.recipients.state.expiresToday')
        : t('console.recipients.state.expiring', { days: state.days })
      : state.kind === 'not_yet'
        ? t('console.recipients.state.not_yet', { date: state.from })
        : t(`console.recipients.state.${state.kind}`);
  return (
    <Tag color={COLORS[state.kind]} data-testid="recipient-agreement" data-state={state.kind}>
      {label}
    </Tag>
  );
}
