import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DESTINATIONS, zoneContains } from '../../../src/shared/catalogue/destinations.ts';
import { occupationClassNames } from '../../../src/shared/catalogue/terms.ts';
import type { ProductDetail } from '../api/catalogue';
import { localised, pick, tripDays } from '../catalogue/format';
import { quoteRequestOf } from '../catalogue/QuoteForm';
import { useQuote } from '../catalogue/useCatalogue';
import { beijingToday } from '../shared/beijingTime';
import { useLanguage } from '../shared/useLanguage';
import { isFixedTerm, termEnd, type TripForm } from './applicationForm';
import { ProblemField, useTouch } from './FieldProblems';
import { QuoteSummary } from './QuoteSummary';

/** 方案与行程: the plan, where and when (or from when), and a live estimate from the ages (R-POL-3). */
export function TripStep({ product, trip, onChange }: { product: ProductDetail; trip: TripForm; onChange: (next: TripForm) => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const touch = useTouch();
  const basis = product.rating?.basis;
  const request = quoteRequestOf(product, trip);
  const quote = useQuote(request);
  const today = beijingToday();
  const days = tripDays(trip.startDate, trip.endDate);
  const set = (patch: Partial<TripForm>) => onChange({ ...trip, ...patch });
  const destinationOptions = useMemo(
    () => DESTINATIONS.filter((destination) => product.zones.some((zone) => zoneContains(zone, destination))).map((destination) => ({ value: destination.code, label: pick(destination, language) })),
    [product.zones, language],
  );

  return (
    <Form layout="vertical" component={false}>
      <div className="purchase-trip">
        <ProblemField pointer="/plan" label={t('purchase.trip.plan')}>
          <Radio.Group value={trip.plan} optionType="button" buttonStyle="solid" onChange={(event) => set({ plan: event.target.value as string })} data-testid="trip-plan">
            {product.plans.map((plan) => (
              <Radio.Button key={plan.code} value={plan.code} data-plan={plan.code}>
                {localised(plan, 'name', language)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </ProblemField>
        {basis === 'trip' ? (
          <ProblemField pointer="/destinations" label={t('purchase.trip.destinations')}>
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              value={trip.destinations}
              options={destinationOptions}
              maxCount={10}
              placeholder={t('purchase.trip.destinationsPlaceholder')}
              onChange={(destinations: string[]) => {
                touch('/destinations');
                set({ destinations });
              }}
            />
          </ProblemField>
        ) : null}
        <div className="purchase-pair">
          <ProblemField pointer="/startDate" label={t('purchase.trip.startDate')}>
            <Input type="date" min={today} value={trip.startDate} onChange={(event) => set({ startDate: event.target.value })} />
          </ProblemField>
          {isFixedTerm(product) ? null : (
            <ProblemField pointer="/endDate" label={t('purchase.trip.endDate')}>
              <Input type="date" min={trip.startDate || today} value={trip.endDate} onChange={(event) => set({ endDate: event.target.value })} />
            </ProblemField>
          )}
        </div>
        {isFixedTerm(product) && trip.startDate ? <p className="purchase-note">{t('purchase.trip.fixedTerm', { end: termEnd(trip.startDate, product.maxDays) })}</p> : null}
        {!isFixedTerm(product) && days !== null ? <p className="purchase-note">{t('purchase.trip.days', { days })}</p> : null}
        {basis === 'occupation' ? (
          <ProblemField pointer="/occupationClass" label={t('purchase.trip.occupation')}>
            <Select<number>
              value={trip.occupationClass ?? undefined}
              placeholder={t('purchase.trip.occupationPlaceholder')}
              options={(product.rating?.occupationClasses ?? []).map((value) => ({ value, label: pick(occupationClassNames[value] ?? { zh: String(value), en: String(value) }, language) }))}
              onChange={(occupationClass) => set({ occupationClass })}
            />
          </ProblemField>
        ) : null}
        <fieldset className="purchase-ages">
          <legend>{t('purchase.trip.ages')}</legend>
          {trip.ages.map((age, index) => (
            <Space.Compact key={index} className="purchase-ages__age">
              <InputNumber
                min={0}
                max={120}
                precision={0}
                value={age}
                aria-label={t('purchase.trip.age', { n: index + 1 })}
                placeholder={t('purchase.trip.age', { n: index + 1 })}
                suffix={t('purchase.trip.yearsOld')}
                onChange={(value) => set({ ages: trip.ages.map((entry, position) => (position === index ? value : entry)) })}
                data-testid={`trip-age-${index}`}
              />
              {trip.ages.length > 1 ? (
                <Button icon={<DeleteOutlined />} aria-label={t('purchase.trip.removeTraveller', { n: index + 1 })} onClick={() => set({ ages: trip.ages.filter((_entry, position) => position !== index) })} />
              ) : null}
            </Space.Compact>
          ))}
          {trip.ages.length < product.maxInsured ? (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => set({ ages: [...trip.ages, null] })} data-testid="trip-add-age">
              {t('purchase.trip.addTraveller')}
            </Button>
          ) : null}
        </fieldset>
        <QuoteSummary title={t('purchase.trip.estimate')} quote={quote} isComplete={request !== null} incompleteText={t('purchase.trip.incomplete')} note={t('purchase.trip.estimateNote')} testId="trip-quote" />
      </div>
    </Form>
  );
}
