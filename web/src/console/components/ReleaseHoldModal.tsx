import { useQueryClient } from '@tanstack/react-query';
import { Alert, App } from 'antd';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryKeys';
import { releaseLegalHold } from '../../api/retention';
import type { LegalHold } from '../../api/types';
import { useTerm } from '../../privacy/useTerm';
import { MIN_HOLD_REASON_LENGTH } from '../legalHoldForm';
import { holdKindKey } from '../retentionTerms';
import { ReasonModal } from './ReasonModal';

/** Releases a legal hold with a reason: what it kept is subject to its retention again. Opened with key={hold.id}. */
export function ReleaseHoldModal({ hold, onClose }: { hold: LegalHold; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const term = useTerm();
  const queryClient = useQueryClient();

  return (
    <ReasonModal
      title={t('console.retention.release.title')}
      details={[
        { key: 'kind', label: t('console.retention.kind'), value: term(holdKindKey, hold.kind) },
        { key: 'subject', label: t('console.retention.subject'), value: hold.subjectId, isId: true },
        { key: 'reference', label: t('console.retention.reference'), value: hold.reference },
      ]}
      notice={<Alert type="warning" showIcon title={t('console.retention.release.notice')} className="console-page__block" />}
      field={{
        bodyName: 'reason',
        label: t('console.retention.release.reason'),
        placeholder: t('console.retention.release.reasonPlaceholder'),
        tooShort: t('console.retention.reasonRequired'),
        minLength: MIN_HOLD_REASON_LENGTH,
        maxLength: 500,
        rows: 3,
        testId: 'hold-release-reason',
      }}
      submit={{ label: t('console.retention.release.submit'), isDanger: true, testId: 'hold-release-submit' }}
      cancelLabel={t('console.retention.cancel')}
      action="legal-hold-release"
      send={(reason) => releaseLegalHold(hold.id, reason)}
      onSent={() => {
        void message.success(t('console.retention.release.done', { reference: hold.reference }));
        void queryClient.invalidateQueries({ queryKey: queryKeys.retention });
        onClose();
      }}
      onClose={onClose}
    />
  );
}
