import { Alert, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../shared/formatDateTime';
import { useLanguage } from '../shared/useLanguage';
import type { ApplicantForm, TripForm } from './applicationForm';
import { restoreDraft } from './draftData';

interface DraftOfferProps {
  savedAt: string;
  data: unknown;
  fallbackTrip: TripForm;
  isDiscarding: boolean;
  onResume: (restored: { trip: TripForm; form: ApplicantForm }) => void;
  onDiscard: () => void;
}

/** A signed-in customer's unfinished application for this product, offered when they come back. */
export function DraftOffer({ savedAt, data, fallbackTrip, isDiscarding, onResume, onDiscard }: DraftOfferProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const restored = restoreDraft(data, fallbackTrip);
  return (
    <Alert
      className="purchase-alert"
      type="info"
      showIcon
      title={t('purchase.draft.found', { time: formatDateTime(savedAt, language) })}
      data-testid="draft-offer"
      action={
        <Space wrap>
          {restored ? (
            <Button type="primary" size="small" onClick={() => onResume(restored)} data-testid="draft-resume">
              {t('purchase.draft.resume')}
            </Button>
          ) : null}
          <Button size="small" onClick={onDiscard} loading={isDiscarding} data-testid="draft-discard">
            {t('purchase.draft.discard')}
          </Button>
        </Space>
      }
    />
  );
}
