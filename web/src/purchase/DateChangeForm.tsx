import { Button, Form, Input, Space, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/apiError';
import type { DateChangeOptions, DateChangeQuote, RequestedDateChange, TripDates } from '../api/dateChanges';
import { formatPrice } from '../catalogue/format';
import { ErrorNotice } from '../shared/ErrorNotice';
import { useLanguage } from '../shared/useLanguage';
import { attemptFor, dateLimits, dateProblemsOf, datesToQuote, differenceOf, type Attempt } from './dateChange';
import { useDateChangeQuote, useRequestDateChange } from './useDateChanges';

interface DateChangeFormProps {
  policyId: string;
  options: DateChangeOptions;
  onEndorsed: (result: RequestedDateChange) => void;
  onCancel: () => void;
}

/**
 * The new dates, their price and the confirmation. The dates stay as typed whatever the server answers;
 * a confirmation sends the difference shown, and when that no longer holds the new quote is asked for
 * and shown before anything changes.
 */
export function DateChangeForm({ policyId, options, onEndorsed, onCancel }: DateChangeFormProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<TripDates>({ coverStart: options.coverStart, coverEnd: options.coverEnd });
  // Made when the modal opens, renewed only when something else is confirmed (see attemptFor).
  const [attempt, setAttempt] = useState<Attempt>(() => ({ body: null, key: crypto.randomUUID() }));
  const dates = datesToQuote(chosen, options);
  const quote = useDateChangeQuote(policyId, dates);
  const request = useRequestDateChange(policyId);
  const limits = dateLimits(options, chosen.coverStart);
  const shown = quote.data && dates && !quote.isFetching && quote.data.coverStart === dates.coverStart && quote.data.coverEnd === dates.coverEnd ? quote.data : undefined;
  const difference = shown ? differenceOf(shown.differenceFen) : undefined;
  const amount = difference ? formatPrice(difference.amountFen, language) : '';
  const problems = dateProblemsOf([quote.error, request.error]);
  const problemsAt = (box: keyof TripDates) =>
    problems[box].length > 0 ? { validateStatus: 'error' as const, help: <span data-testid="date-change-problem">{problems[box].join(' ')}</span> } : {};

  const set = (patch: Partial<TripDates>) => {
    request.reset();
    setChosen({ ...chosen, ...patch });
  };
  const confirm = (quoted: DateChangeQuote) => {
    const body = { coverStart: quoted.coverStart, coverEnd: quoted.coverEnd, expectedDifferenceFen: quoted.differenceFen };
    const next = attemptFor(attempt, JSON.stringify(body), () => crypto.randomUUID());
    setAttempt(next);
    request.mutate(
      { ...body, idempotencyKey: next.key },
      {
        onSuccess: (result) => {
          if (result.status === 'endorsed') onEndorsed(result);
          else if (result.payUrl) window.location.assign(result.payUrl);
          else void navigate(`/account/insurance/date-changes/${encodeURIComponent(result.id)}`);
        },
        // The difference no longer holds: show the one that does before anything is confirmed.
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'date_change_price_changed') void quote.refetch();
        },
      },
    );
  };

  let price;
  if (!dates) price = <span className="purchase-note">{chosen.coverStart === options.coverStart && chosen.coverEnd === options.coverEnd ? t('myInsurance.dateChange.unchanged') : t('myInsurance.dateChange.incomplete')}</span>;
  else if (quote.isError && !quote.isFetching) price = <ErrorNotice error={quote.error} />;
  else if (!shown || !difference) price = <Spin size="small" description={t('myInsurance.dateChange.quoting')} />;
  else
    price = (
      <>
        <strong className="purchase-price__amount" data-testid="date-change-new-premium" data-fen={shown.premiumFen}>
          {formatPrice(shown.premiumFen, language)}
        </strong>
        <span className="date-change__difference" data-testid="date-change-difference" data-kind={difference.kind} data-fen={shown.differenceFen}>
          {t(`myInsurance.dateChange.difference.${difference.kind}`, { amount })}
        </span>
        <span className="purchase-note">{t('myInsurance.dateChange.period', { start: shown.coverStart, end: shown.coverEnd, days: shown.days })}</span>
        <span className="purchase-note">{t(`myInsurance.dateChange.consequence.${difference.kind}`)}</span>
      </>
    );

  return (
    <Form layout="vertical" component={false}>
      <div className="purchase-pair date-change__dates">
        <Form.Item label={t('myInsurance.dateChange.newStart')} {...problemsAt('coverStart')}>
          <Input type="date" min={limits.startMin} max={limits.startMax} value={chosen.coverStart} onChange={(event) => set({ coverStart: event.target.value })} data-testid="date-change-start" />
        </Form.Item>
        <Form.Item label={t('myInsurance.dateChange.newEnd')} {...problemsAt('coverEnd')}>
          <Input type="date" min={limits.endMin} max={limits.endMax} value={chosen.coverEnd} onChange={(event) => set({ coverEnd: event.target.value })} data-testid="date-change-end" />
        </Form.Item>
      </div>
      <p className="purchase-note">{t('myInsurance.dateChange.limits', { earliest: options.earliestStart, latest: options.latestStart, min: options.minDays, max: options.maxDays })}</p>
      <div className="purchase-price" aria-live="polite" data-testid="date-change-quote">
        <span className="purchase-price__label">{t('myInsurance.dateChange.newPremium')}</span>
        {price}
      </div>
      {request.isError ? <ErrorNotice error={request.error} /> : null}
      <Space className="date-change__actions" wrap>
        <Button onClick={onCancel} data-testid="date-change-cancel">
          {t('myInsurance.dateChange.cancel')}
        </Button>
        <Button
          type="primary"
          disabled={!shown}
          // Leaving for the payment page keeps the button busy until the browser has gone.
          loading={request.isPending || (request.isSuccess && request.data.status === 'awaiting_payment')}
          onClick={() => shown && confirm(shown)}
          data-testid="date-change-confirm"
        >
          {difference ? t(`myInsurance.dateChange.confirm.${difference.kind}`, { amount }) : t('myInsurance.dateChange.confirm.same')}
        </Button>
      </Space>
    </Form>
  );
}
