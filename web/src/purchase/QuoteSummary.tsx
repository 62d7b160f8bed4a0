import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../api/catalogue';
import { formatPrice } from '../catalogue/format';
import { describeError } from '../shared/describeError';
import { useLanguage } from '../shared/useLanguage';

interface QuoteSummaryProps {
  title: string;
  quote: { data?: Quote | undefined; isError: boolean; error: unknown; isFetching: boolean };
  isComplete: boolean;
  incompleteText: string;
  note?: string;
  testId: string;
}

/** A price from the quote hook of the catalogue: the total in ¥ with two decimals, the group discount, or why there is none. */
export function QuoteSummary({ title, quote, isComplete, incompleteText, note, testId }: QuoteSummaryProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  let body;
  if (!isComplete) body = <p className="purchase-note">{incompleteText}</p>;
  else if (quote.isError) body = <Alert type="warning" showIcon title={describeError(quote.error, t).title} description={describeError(quote.error, t).detail} data-testid={`${testId}-error`} />;
  else if (!quote.data) body = <Spin size="small" description={t('catalogue.quote.calculating')} />;
  else
    body = (
      <>
        <strong className="purchase-price__amount" data-testid={`${testId}-total`} data-fen={quote.data.totalFen}>
          {formatPrice(quote.data.totalFen, language)}
        </strong>
        {quote.data.discountFen > 0 ? (
          <span className="purchase-price__discount">
            {t('catalogue.quote.discount', { percent: quote.data.discountBps / 100 })} −{formatPrice(quote.data.discountFen, language)}
          </span>
        ) : null}
        <span className="purchase-note">{t('catalogue.quote.term', { days: quote.data.days })}</span>
      </>
    );
  return (
    <div className="purchase-price" aria-live="polite" data-testid={testId}>
      <span className="purchase-price__label">{title}</span>
      {body}
      {note && isComplete ? <span className="purchase-note">{note}</span> : null}
    </div>
  );
}
