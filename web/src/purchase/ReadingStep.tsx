import { useTranslation } from 'react-i18next';
import type { ShowableStep } from '../../../src/shared/orders.ts';
import { StepDocument } from './StepDocument';

/** 阅读条款 (R-POL-7): 投保须知, 保险条款 and 责任免除, each opened from the server and confirmed on its own. */
export function ReadingStep({ saleId, steps, confirmed, onConfirmed }: { saleId: string; steps: readonly ShowableStep[]; confirmed: Partial<Record<ShowableStep, string | null>>; onConfirmed: (kind: ShowableStep, hash: string | null) => void }) {
  const { t } = useTranslation();
  return (
    <div className="purchase-reading">
      <p className="purchase-note">{t('purchase.reading.intro')}</p>
      {steps.map((kind) => (
        <StepDocument key={kind} saleId={saleId} kind={kind} confirmedHash={confirmed[kind] ?? null} onConfirmed={(hash) => onConfirmed(kind, hash)} />
      ))}
    </div>
  );
}
