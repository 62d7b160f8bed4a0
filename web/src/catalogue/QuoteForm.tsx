import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Input, InputNumber, Radio, Select, Space, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DESTINATIONS, zoneContains } from '../../../src/shared/catalogue/destinations.ts';
import { occupationClassNames } from '../../../src/shared/catalogue/terms.ts';
import { ApiError } from '../api/apiError';
import type { ProductDetail, QuoteRequest } from '../api/catalogue';
import { beijingToday } from '../shared/beijingTime';
import { describeError } from '../shared/describeError';
import { useLanguage } from '../shared/useLanguage';
import { formatPrice, localised, pick, tripDays } from './format';
import { useQuote } from './useCatalogue';

interface QuoteState {
  plan: string;
  destinations: string[];
  startDate: string;
  endDate: string;
  ages: Array<number | null>;
  occupationClass: number | null;
}

/** The request once the form says enough to price it; null before. No name, no ID: only where, when, how old. */
export function quoteRequestOf(product: ProductDetail, state: QuoteState): QuoteRequest | null {
  const basis = product.rating?.basis;
  if (!basis || state.ages.length === 0 || state.ages.some((age) => age === null)) return null;
  const request: QuoteRequest = { product: product.code, plan: state.plan, ages: state.ages as number[] };
  if (basis === 'trip') {
    if (state.destinations.length === 0 || tripDays(state.startDate, state.endDate) === null) return null;
    return { ...request, destinations: state.destinations, startDate: state.startDate, endDate: state.endDate };
  }
  if (basis === 'occupation') return state.occupationClass === null ? null : { ...request, occupationClass: state.occupationClass };
  return request;
}

/** A live price for one plan (R-POL-3), asked of the server as the form changes. */
export function QuoteForm({ product, plan, onPlanChange }: { product: ProductDetail; plan: string; onPlanChange: (plan: string) => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [state, setState] = useState<Omit<QuoteState, 'plan'>>({ destinations: [], startDate: '', endDate: '', ages: [null], occupationClass: null });
  const basis = product.rating?.basis;
  const request = quoteRequestOf(product, { ...state, plan });
  const quote = useQuote(request);
  const days = tripDays(state.startDate, state.endDate);
  const today = beijingToday();
  const destinationOptions = useMemo(
    () => DESTINATIONS.filter((destination) => product.zones.some((zone) => zoneContains(zone, destination))).map((destination) => ({ value: destination.code, label: pick(destination, language) })),
    [product.zones, language],
  );
  const badAges = new Set(
    quote.error instanceof ApiError ? quote.error.fieldErrors.flatMap((problem) => (/^\/body\/ages\/(\d+)$/.exec(problem.pointer)?.[1] ? [Number(/^\/body\/ages\/(\d+)$/.exec(problem.pointer)?.[1])] : [])) : [],
  );
  const setAge = (index: number, age: number | null) => setState((current) => ({ ...current, ages: current.ages.map((value, position) => (position === index ? age : value)) }));

  return (
    <section className="quote-form" aria-labelledby="quote-title" data-testid="quote-form">
      <h2 id="quote-title">{t('catalogue.quote.title')}</h2>
      <p className="quote-form__privacy">{t('catalogue.quote.privacy')}</p>

      <div className="quote-form__field">
        <span className="quote-form__label">{t('catalogue.quote.plan')}</span>
        <Radio.Group value={plan} onChange={(event) => onPlanChange(event.target.value as string)} optionType="button" buttonStyle="solid" data-testid="quote-plan">
          {product.plans.map((candidate) => (
            <Radio.Button key={candidate.code} value={candidate.code} data-plan={candidate.code}>
              {localised(candidate, 'name', language)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </div>

      {basis === 'trip' ? (
        <>
          <label className="quote-form__field" data-testid="quote-destinations">
            <span className="quote-form__label">{t('catalogue.quote.destinations')}</span>
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              value={state.destinations}
              options={destinationOptions}
              maxCount={10}
              placeholder={t('catalogue.quote.destinationsPlaceholder')}
              onChange={(destinations: string[]) => setState((current) => ({ ...current, destinations }))}
            />
          </label>
          <div className="quote-form__dates">
            <label className="quote-form__field">
              <span className="quote-form__label">{t('catalogue.quote.startDate')}</span>
              <Input type="date" min={today} value={state.startDate} onChange={(event) => setState((current) => ({ ...current, startDate: event.target.value }))} data-testid="quote-start" />
            </label>
            <label className="quote-form__field">
              <span className="quote-form__label">{t('catalogue.quote.endDate')}</span>
              <Input type="date" min={state.startDate || today} value={state.endDate} onChange={(event) => setState((current) => ({ ...current, endDate: event.target.value }))} data-testid="quote-end" />
            </label>
          </div>
          {days !== null ? <p className="quote-form__days">{t('catalogue.quote.tripDays', { days })}</p> : null}
        </>
      ) : null}

      {basis === 'occupation' ? (
        <label className="quote-form__field" data-testid="quote-occupation">
          <span className="quote-form__label">{t('catalogue.quote.occupation')}</span>
          <Select
            value={state.occupationClass}
            placeholder={t('catalogue.quote.occupationPlaceholder')}
            options={(product.rating?.occupationClasses ?? []).map((value) => ({ value, label: pick(occupationClassNames[value] ?? { zh: String(value), en: String(value) }, language) }))}
            onChange={(occupationClass: number) => setState((current) => ({ ...current, occupationClass }))}
          />
        </label>
      ) : null}

      <fieldset className="quote-form__field quote-form__ages">
        <legend className="quote-form__label">{t('catalogue.quote.ages')}</legend>
        {state.ages.map((age, index) => (
          <Space.Compact key={index} className="quote-form__age">
            <InputNumber
              min={0}
              max={120}
              precision={0}
              value={age}
              status={badAges.has(index) ? 'error' : ''}
              aria-label={t('catalogue.quote.age', { n: index + 1 })}
              placeholder={t('catalogue.quote.age', { n: index + 1 })}
              suffix={t('catalogue.quote.yearsOld')}
              onChange={(value) => setAge(index, value)}
              data-testid={`quote-age-${index}`}
            />
            {state.ages.length > 1 ? (
              <Button
                icon={<DeleteOutlined />}
                aria-label={t('catalogue.quote.removeInsured', { n: index + 1 })}
                onClick={() => setState((current) => ({ ...current, ages: current.ages.filter((_value, position) => position !== index) }))}
              />
            ) : null}
          </Space.Compact>
        ))}
        {state.ages.length < product.maxInsured ? (
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => setState((current) => ({ ...current, ages: [...current.ages, null] }))} data-testid="quote-add-insured">
            {t('catalogue.quote.addInsured')}
          </Button>
        ) : null}
      </fieldset>

      <div className="quote-form__result" aria-live="polite" data-testid="quote-result">
        {request === null ? <p className="quote-form__hint">{t('catalogue.quote.incomplete')}</p> : null}
        {request !== null && quote.isFetching && !quote.data ? <Spin size="small" description={t('catalogue.quote.calculating')} /> : null}
        {request !== null && quote.isError ? <Alert type="warning" showIcon title={describeError(quote.error, t).title} description={describeError(quote.error, t).detail} data-testid="quote-error" /> : null}
        {request !== null && quote.data && !quote.isError ? (
          <div className="quote-total" data-testid="quote-total" data-fen={quote.data.totalFen}>
            <span className="quote-total__label">{t('catalogue.quote.total')}</span>
            <strong className="quote-total__amount">{formatPrice(quote.data.totalFen, language)}</strong>
            <ul className="quote-total__lines">
              {quote.data.lines.map((line) => (
                <li key={line.position}>
                  <span>{t('catalogue.quote.line', { n: line.position + 1, age: line.age })}</span>
                  <span>{formatPrice(line.premiumFen, language)}</span>
                </li>
              ))}
              {quote.data.discountFen > 0 ? (
                <li>
                  <span>{t('catalogue.quote.discount', { percent: quote.data.discountBps / 100 })}</span>
                  <span>−{formatPrice(quote.data.discountFen, language)}</span>
                </li>
              ) : null}
            </ul>
            <span className="quote-total__term">{t('catalogue.quote.term', { days: quote.data.days })}</span>
          </div>
        ) : null}
      </div>
    </section>
  );
}
