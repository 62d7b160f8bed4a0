import { CheckCircleFilled } from '@ant-design/icons';
import { Checkbox, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationInput } from '../../../src/shared/application.ts';
import { destinationOf } from '../../../src/shared/catalogue/destinations.ts';
import { ageOn, isCalendarDate } from '../../../src/shared/identity-documents.ts';
import type { ProductDetail } from '../api/catalogue';
import type { ConsentPurpose, SaleConsent } from '../api/orders';
import { localised, pick } from '../catalogue/format';
import { quoteRequestOf } from '../catalogue/QuoteForm';
import { useQuote } from '../catalogue/useCatalogue';
import { useLanguage } from '../shared/useLanguage';
import { birthDatesOf, isFixedTerm, termEnd, type TripForm } from './applicationForm';
import { QuoteSummary } from './QuoteSummary';
import { StepDocument } from './StepDocument';

interface ConfirmStepProps {
  saleId: string;
  product: ProductDetail;
  trip: TripForm;
  application: ApplicationInput;
  needsAuthorisation: boolean;
  authorisationHash: string | null;
  confirmationHash: string | null;
  onConfirmed: (kind: 'authorisation' | 'confirmation', hash: string | null) => void;
  consents: readonly SaleConsent[];
  ticked: Partial<Record<ConsentPurpose, boolean>>;
  onTick: (purpose: ConsentPurpose, isTicked: boolean) => void;
}

/** The price of the application as it stands: ages on the first day of cover, the highest occupation class. */
function useFinalQuote(product: ProductDetail, trip: TripForm, application: ApplicationInput) {
  const ages = isCalendarDate(trip.startDate) ? birthDatesOf(application).map((birthDate) => (birthDate && isCalendarDate(birthDate) ? ageOn(birthDate, trip.startDate) : null)) : [null];
  const classes = application.insured.flatMap((insured) => (insured.person.occupationClass === undefined ? [] : [insured.person.occupationClass]));
  const request = quoteRequestOf(product, { ...trip, ages, occupationClass: classes.length > 0 ? Math.max(...classes) : trip.occupationClass });
  return { request, quote: useQuote(request) };
}

/**
 * 确认投保 (R-POL-4, R-POL-5, R-POL-7): what is being bought and its price, the authorisation when
 * insuring others, the two separate consents (never pre-ticked; ones given earlier shown as given),
 * and the final confirmation statement.
 */
export function ConfirmStep(props: ConfirmStepProps) {
  const { saleId, product, trip, application, consents, ticked, onTick } = props;
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { request, quote } = useFinalQuote(product, trip, application);
  const plan = product.plans.find((candidate) => candidate.code === trip.plan);
  const end = isFixedTerm(product) ? termEnd(trip.startDate, product.maxDays) : trip.endDate;
  const separator = language === 'en' ? ', ' : '、';

  return (
    <div className="purchase-confirm">
      <section className="purchase-section" aria-labelledby="summary-title">
        <h2 id="summary-title">{t('purchase.confirm.summary')}</h2>
        <Descriptions
          size="small"
          column={1}
          bordered
          data-testid="confirm-summary"
          items={[
            { key: 'product', label: t('purchase.confirm.product'), children: localised(product, 'name', language) },
            { key: 'plan', label: t('purchase.confirm.plan'), children: plan ? localised(plan, 'name', language) : trip.plan },
            { key: 'cover', label: t('purchase.confirm.cover'), children: `${trip.startDate} – ${end}` },
            ...(application.destinations
              ? [{ key: 'destinations', label: t('purchase.confirm.destinations'), children: application.destinations.map((code) => { const destination = destinationOf(code); return destination ? pick(destination, language) : code; }).join(separator) }]
              : []),
            { key: 'insured', label: t('purchase.confirm.insuredCount'), children: t('purchase.confirm.insuredCountValue', { count: application.insured.length }) },
          ]}
        />
        <QuoteSummary title={t('purchase.confirm.premium')} quote={quote} isComplete={request !== null} incompleteText={t('purchase.confirm.pricing')} note={t('purchase.confirm.premiumNote')} testId="confirm-quote" />
      </section>

      {props.needsAuthorisation ? (
        <section className="purchase-section" aria-label={t('purchase.confirm.authorisation')}>
          <StepDocument saleId={saleId} kind="authorisation" confirmedHash={props.authorisationHash} onConfirmed={(hash) => props.onConfirmed('authorisation', hash)} />
        </section>
      ) : null}

      <section className="purchase-section" aria-labelledby="consents-title" data-testid="confirm-consents">
        <h2 id="consents-title">{t('purchase.confirm.consents')}</h2>
        <p className="purchase-note">{t('purchase.confirm.consentsIntro')}</p>
        {consents.map((consent) =>
          consent.isGranted ? (
            <p key={consent.purpose} className="purchase-consent purchase-consent--granted" data-testid={`consent-${consent.purpose}`} data-granted="true">
              <Tag color="green" icon={<CheckCircleFilled />}>
                {t('purchase.confirm.granted')}
              </Tag>
              {consent.text}
            </p>
          ) : (
            <div key={consent.purpose} data-testid={`consent-${consent.purpose}`} data-granted="false">
              <Checkbox className="purchase-consent" checked={ticked[consent.purpose] === true} onChange={(event) => onTick(consent.purpose, event.target.checked)}>
                {consent.text}
              </Checkbox>
            </div>
          ),
        )}
      </section>

      <section className="purchase-section" aria-label={t('purchase.confirm.final')}>
        <StepDocument saleId={saleId} kind="confirmation" confirmedHash={props.confirmationHash} onConfirmed={(hash) => props.onConfirmed('confirmation', hash)} />
      </section>
    </div>
  );
}
