import { useQueryClient } from '@tanstack/react-query';
import { App, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { acknowledgeAlert } from '../../api/alerts';
import { queryKeys } from '../../api/queryKeys';
import type { AccessAlert } from '../../api/types';
import { alertKindKey } from '../../privacy/privacyTerms';
import { useTerm } from '../../privacy/useTerm';
import { formatDateTime } from '../../shared/formatDateTime';
import { useLanguage } from '../../shared/useLanguage';
import { ReasonModal } from './ReasonModal';

// The server's minimum (src/http/routes/console/alerts.ts); a note of what was found is the point.
const MIN_NOTE_LENGTH = 2;

/** Closes an alert with a note of what the check found. Opened with key={alert.id}. */
export function AcknowledgeAlertModal({ alert, onClose }: { alert: AccessAlert; onClose: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const term = useTerm();
  const queryClient = useQueryClient();

  return (
    <ReasonModal
      title={t('console.alerts.acknowledgeTitle')}
      details={[
        { key: 'kind', label: t('console.alerts.kind'), value: term(alertKindKey, alert.kind) },
        { key: 'staff', label: t('console.alerts.staff'), value: alert.actorId, isId: true },
        { key: 'raisedAt', label: t('console.alerts.raisedAt'), value: formatDateTime(alert.raisedAt, language) },
      ]}
      notice={<Typography.Paragraph type="secondary">{t('console.alerts.acknowledgeIntro')}</Typography.Paragraph>}
      field={{
        bodyName: 'note',
        label: t('console.alerts.note'),
        placeholder: t('console.alerts.notePlaceholder'),
        tooShort: t('console.alerts.noteRequired'),
        minLength: MIN_NOTE_LENGTH,
        maxLength: 1000,
        rows: 4,
        testId: 'alert-note',
      }}
      submit={{ label: t('console.alerts.submit'), testId: 'alert-acknowledge-submit' }}
      cancelLabel={t('console.alerts.cancel')}
      action="alert-acknowledge"
      send={(note) => acknowledgeAlert(alert.id, note)}
      onSent={() => {
        void message.success(t('console.alerts.done'));
        void queryClient.invalidateQueries({ queryKey: queryKeys.alerts });
        onClose();
      }}
      onClose={onClose}
    />
  );
}
