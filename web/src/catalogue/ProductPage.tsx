import { ExclamationCircleFilled, SwapOutlined } from '@ant-design/icons';
import { Card, Collapse, Descriptions, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { zoneNames } from '../../../src/shared/catalogue/destinations.ts';
import { applicantFieldNames, COVERAGE_ITEMS, documentKindNames, productTypeNames } from '../../../src/shared/catalogue/terms.ts';
import type { ProductDetail, ProductDocument } from '../api/catalogue';
import { MarkdownDocument } from '../policies/MarkdownDocument';
import { ButtonLink } from '../shared/ButtonLink';
import { ErrorNotice } from '../shared/ErrorNotice';
import { telHref } from '../shared/phone';
import { useDocumentTitle } from '../shared/useDocumentTitle';
import { useLanguage } from '../shared/useLanguage';
import { PageHeading } from '../site/components/PageHeading';
import { comparePath } from './comparePath';
import { CoverageTable, coverageRows } from './CoverageTable';
import { localised, pick } from './format';
import { QuoteForm } from './QuoteForm';
import { useProduct } from './useCatalogue';
import './catalogue.css';

/**
 * A product page (R-POL-1): the facts, every plan side by side, the exclusions shown before anything
 * else can be read past them, the documents in force (with their versions), what the application
 * will ask, the insurer, and a live quote (R-POL-3).
 */
export function ProductPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { code = '' } = useParams();
  const product = useProduct(code);
  const [plan, setPlan] = useState<string | null>(null);
  useDocumentTitle(product.data ? localised(product.data, 'name', language) : t('catalogue.list.title'));

  if (product.isPending) {
    return (
      <div className="site-container page-body">
        <Skeleton active paragraph={{ rows: 10 }} />
      </div>
    );
  }
  if (product.isError) {
    return (
      <div className="site-container page-body">
        <ErrorNotice variant="result" error={product.error} onRetry={() => void product.refetch()} />
      </div>
    );
  }
  const data = product.data;
  const chosenPlan = plan ?? data.plans[0]?.code ?? '';
  const exclusions = data.documents.find((document) => document.kind === 'exclusions');
  const others = data.documents.filter((document) => document.kind !== 'exclusions');

  return (
    <>
      <PageHeading title={localised(data, 'name', language)} intro={localised(data, 'summary', language)} testId="product-title" />
      <div className="site-container page-body product-page">
        <p className="product-page__back">
          <Link to="/products">← {t('catalogue.product.back')}</Link>
        </p>
        <div className="product-layout">
          <div className="product-layout__main">
            <ProductFacts product={data} />
            <section aria-labelledby="plans-title" className="product-section">
              <h2 id="plans-title">{t('catalogue.product.plans')}</h2>
              <p className="product-section__intro">{t('catalogue.product.plansIntro')}</p>
              <CoverageTable
                testId="plans-table"
                columns={data.plans.map((candidate) => ({
                  key: candidate.code,
                  header: (
                    <span className="plan-header">
                      <span>{localised(candidate, 'name', language)}</span>
                      {candidate.schengenCompliant ? <Tag color="green">{t('catalogue.product.schengenPlan')}</Tag> : null}
                    </span>
                  ),
                }))}
                rows={coverageRows(data.plans, COVERAGE_ITEMS)}
              />
              <p>
                <ButtonLink icon={<SwapOutlined />} to={comparePath([`${data.code}:${chosenPlan}`])} data-testid="product-compare-others">
                  {t('catalogue.product.compareOthers')}
                </ButtonLink>
              </p>
            </section>
            {exclusions ? <Exclusions document={exclusions} /> : null}
            <section aria-labelledby="documents-title" className="product-section">
              <h2 id="documents-title">{t('catalogue.product.documents')}</h2>
              <Collapse
                data-testid="product-documents"
                items={others.map((document) => ({
                  key: document.kind,
                  label: (
                    <span>
                      {pick(documentKindNames[document.kind], language)} <span className="product-muted">{t('catalogue.product.version', { version: document.version })}</span>
                    </span>
                  ),
                  children: <DocumentBody document={document} />,
                }))}
              />
            </section>
            <ApplicationFields product={data} />
            <InsurerCard product={data} />
          </div>
          <aside className="product-layout__side">
            <Card className="quote-card">
              <QuoteForm product={data} plan={chosenPlan} onPlanChange={setPlan} />
              <ButtonLink style={{ marginTop: 16 }} type="primary" size="large" block to={`/buy/${data.code}?plan=${encodeURIComponent(chosenPlan)}`} data-testid="product-apply">
                {t('purchase.apply')}
              </ButtonLink>
            </Card>
          </aside>
        </div>
      </div>
    </>
  );
}

function ProductFacts({ product }: { product: ProductDetail }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const period =
    product.maxTripDays !== null
      ? t('catalogue.product.annualTrips', { days: product.maxTripDays })
      : product.minDays === product.maxDays
        ? t('catalogue.list.yearTerm')
        : t('catalogue.product.tripDays', { min: product.minDays, max: product.maxDays });
  const discounts = product.rating?.groupDiscounts ?? [];
  return (
    <Descriptions
      className="product-facts"
      size="small"
      column={{ xs: 1, sm: 2 }}
      bordered
      items={[
        { key: 'type', label: t('catalogue.list.type'), children: pick(productTypeNames[product.type], language) },
        { key: 'insurer', label: t('catalogue.product.insurer'), children: localised(product.insurer, 'fullName', language) },
        { key: 'territory', label: t('catalogue.product.territory'), children: product.zones.map((zone) => pick(zoneNames[zone], language)).join(language === 'en' ? ', ' : '、') },
        { key: 'period', label: t('catalogue.product.period'), children: period },
        { key: 'ages', label: t('catalogue.product.ages'), children: t('catalogue.list.ages', { min: product.minAge, max: product.maxAge }) },
        {
          key: 'coolingOff',
          label: t('catalogue.product.coolingOff'),
          children: product.coolingOffDays > 0 ? t('catalogue.product.coolingOffDays', { days: product.coolingOffDays }) : t('catalogue.product.noCoolingOff'),
        },
        ...(discounts.length > 0
          ? [{ key: 'group', label: t('catalogue.product.groupDiscountLabel'), children: discounts.map((step) => t('catalogue.product.groupDiscount', { count: step.minInsured, percent: step.bps / 100 })).join(language === 'en' ? '; ' : '；') }]
          : []),
      ]}
    />
  );
}

/** 责任免除 before the documents, open, marked: people see what is not covered without looking for it. */
function Exclusions({ document }: { document: ProductDocument }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <section className="product-section exclusions" aria-labelledby="exclusions-title" data-testid="product-exclusions" data-hash={document.textHash}>
      <h2 id="exclusions-title">
        <ExclamationCircleFilled aria-hidden /> {t('catalogue.product.exclusionsTitle')}
      </h2>
      <MarkdownDocument body={localised(document, 'body', language)} />
      <p className="product-muted">{t('catalogue.product.version', { version: document.version })}</p>
    </section>
  );
}

function DocumentBody({ document }: { document: ProductDocument }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <div data-testid={`document-${document.kind}`} data-hash={document.textHash}>
      <MarkdownDocument body={localised(document, 'body', language)} />
      {document.questions ? (
        <>
          <h3>{t('catalogue.product.healthQuestions')}</h3>
          <ol>
            {document.questions.map((question) => (
              <li key={question.id}>{pick(question, language)}</li>
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}

function ApplicationFields({ product }: { product: ProductDetail }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const names = (fields: ProductDetail['insuredFields']) => fields.map((field) => pick(applicantFieldNames[field], language)).join(language === 'en' ? ', ' : '、');
  return (
    <section className="product-section" aria-labelledby="fields-title" data-testid="product-fields">
      <h2 id="fields-title">{t('catalogue.product.fieldsTitle')}</h2>
      <p className="product-section__intro">{t('catalogue.product.fieldsIntro')}</p>
      <dl className="product-fields">
        <dt>{t('catalogue.product.policyholder')}</dt>
        <dd>{names(product.policyholderFields)}</dd>
        <dt>{t('catalogue.product.insured')}</dt>
        <dd>{names(product.insuredFields)}</dd>
      </dl>
    </section>
  );
}

function InsurerCard({ product }: { product: ProductDetail }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const insurer = product.insurer;
  return (
    <section className="product-section" aria-labelledby="insurer-title" data-testid="product-insurer">
      <h2 id="insurer-title">{t('catalogue.product.insurerTitle')}</h2>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'name', label: t('catalogue.product.insurer'), children: localised(insurer, 'fullName', language) },
          { key: 'licence', label: t('catalogue.product.licence'), children: insurer.licenceNumber },
          { key: 'service', label: t('catalogue.product.servicePhone'), children: <a href={telHref(insurer.servicePhone)}>{insurer.servicePhone}</a> },
          { key: 'claims', label: t('catalogue.product.claimsHotline'), children: <a href={telHref(insurer.claimsHotline)}>{insurer.claimsHotline}</a> },
          { key: 'address', label: t('catalogue.product.address'), children: localised(insurer, 'address', language) },
        ]}
      />
    </section>
  );
}
