import { FileTextOutlined } from '@ant-design/icons';
import { Button, Checkbox, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saleStatements, saleStepNames, type ShowableStep } from '../../../src/shared/orders.ts';
import { MarkdownDocument } from '../policies/MarkdownDocument';
import { ErrorNotice } from '../shared/ErrorNotice';
import { useLanguage } from '../shared/useLanguage';
import { pick } from '../catalogue/format';
import { useConfirmSaleStep, useSaleStep } from './useSaleStep';

interface StepDocumentProps {
  saleId: string;
  kind: ShowableStep;
  /** The hash this box was confirmed for, or null while unticked. */
  confirmedHash: string | null;
  onConfirmed: (contentHash: string | null) => void;
  /** Opened as soon as it is shown (the health declaration, whose questions the form needs). */
  isOpenAtFirst?: boolean;
  /** Shown under the document, above the box (the health questions). */
  showBody?: boolean;
}

/**
 * One document or statement of the sale (R-POL-7): opened from the server, which records that it
 * showed it; its box, with the statement in the words that will be recorded, can be ticked only once
 * it is open and is never ticked beforehand. Ticking sends the hash of what the server showed.
 */
export function StepDocument({ saleId, kind, confirmedHash, onConfirmed, isOpenAtFirst = false, showBody = true }: StepDocumentProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [isOpen, setOpen] = useState(isOpenAtFirst);
  const content = useSaleStep(saleId, kind, isOpen);
  const confirm = useConfirmSaleStep(saleId, kind);
  const name = pick(saleStepNames[kind], language);
  const statement = content.data?.statement ?? pick(saleStatements[kind], language);
  const isChecked = content.data !== undefined && confirmedHash === content.data.contentHash;

  return (
    <section className="step-document" data-testid={`step-${kind}`} data-confirmed={isChecked ? 'true' : 'false'}>
      <div className="step-document__head">
        <h3>{content.data?.title || name}</h3>
        {showBody ? (
          <Button icon={<FileTextOutlined />} onClick={() => (isOpen ? void content.refetch() : setOpen(true))} loading={content.isFetching} data-testid={`step-${kind}-open`}>
            {isOpen ? t('purchase.reading.openAgain') : t('purchase.reading.open', { name })}
          </Button>
        ) : null}
      </div>
      {content.isError ? <ErrorNotice error={content.error} onRetry={() => void content.refetch()} /> : null}
      {isOpen && content.isPending ? <Spin size="small" description={t('purchase.reading.opening')} /> : null}
      {showBody && content.data ? (
        <div className="step-document__body" tabIndex={0} data-testid={`step-${kind}-body`}>
          <MarkdownDocument body={content.data.body} title={content.data.title} />
        </div>
      ) : null}
      {confirm.isError ? <ErrorNotice error={confirm.error} /> : null}
      <Checkbox
        className="step-document__confirm"
        checked={isChecked}
        disabled={!content.data || confirm.isPending}
        onChange={(event) => {
          if (!content.data) return;
          if (!event.target.checked) return onConfirmed(null);
          const hash = content.data.contentHash;
          confirm.mutate(hash, { onSuccess: () => onConfirmed(hash) });
        }}
        data-testid={`step-${kind}-confirm`}
      >
        {statement}
      </Checkbox>
      {!content.data && !isOpen ? <p className="step-document__hint">{t('purchase.reading.needsOpening')}</p> : null}
    </section>
  );
}
