import { CheckOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, InputNumber, Select, Skeleton, Tag } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { DESTINATIONS } from '../../../src/shared/catalogue/destinations.ts';
import { PRODUCT_TYPES, productTypeNames, type ProductType } from '../../../src/shared/catalogue/terms.ts';
import type { ProductFilters, ProductSummary } from '../api/catalogue';
import { ButtonLink } from '../shared/ButtonLink';
import { ErrorNotice } from '../shared/ErrorNotice';
import { useDocumentTitle } from '../shared/useDocumentTitle';
import { useLanguage } from '../shared/useLanguage';
import { PageHeading } from '../site/components/PageHeading';
import { comparePath, MAX_COMPARED } from './comparePath';
import { formatPrice, localised, pick } from './format';
import { useProducts } from './useCatalogue';
import './catalogue.css';

const positiveInteger = (value: string | null) => (value !== null && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : undefined);

/** Filters live in the address (shareable, back-button friendly); nothing is kept in the browser. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const type = params.get('type');
  const filters: ProductFilters = {
    type: type && (PRODUCT_TYPES as readonly string[]).includes(type) ? (type as ProductType) : undefined,
    destination: params.get('destination') ?? undefined,
    days: positiveInteger(params.get('days')),
    maxPriceFen: positiveInteger(params.get('maxPrice')) === undefined ? undefined : (positiveInteger(params.get('maxPrice')) as number) * 100,
    q: params.get('q') ?? undefined,
  };
  // Address changes land in a transition: a second change before it commits builds on the first.
  const pending = useRef<URLSearchParams | null>(null);
  useEffect(() => {
    pending.current = null;
  }, [params]);
  const update = (changes: Record<string, string | number | undefined | null>) => {
    const next = new URLSearchParams(pending.current ?? params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === null || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    pending.current = next;
    setParams(next, { replace: true });
  };
  const clear = () => {
    pending.current = new URLSearchParams();
    setParams(pending.current, { replace: true });
  };
  return { filters, update, clear };
}

/** The catalogue (R-POL-1): search, filters, a price for the trip described, and a selection to compare. */
export function ProductsPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const { filters, update, clear } = useFilters();
  const [searchedWith, setSearchedWith] = useState<string | null>(null);
  const [compared, setCompared] = useState<string[]>([]);
  useDocumentTitle(t('catalogue.list.title'));

  // A search is counted once (R-POL-2): changing other filters afterwards refines it.
  const others = JSON.stringify({ ...filters, q: undefined });
  const request = useMemo(() => ({ ...filters, refine: searchedWith !== null && searchedWith !== others }), [filters, searchedWith, others]);
  const products = useProducts(request);

  const destinationOptions = useMemo(() => DESTINATIONS.map((destination) => ({ value: destination.code, label: pick(destination, language) })), [language]);
  const typeOptions = PRODUCT_TYPES.map((type) => ({ value: type, label: pick(productTypeNames[type], language) }));
  const toggleCompare = (product: ProductSummary) => {
    const key = `${product.code}:${product.plans[0]?.code ?? ''}`;
    setCompared((current) => (current.includes(key) ? current.filter((entry) => entry !== key) : current.length >= MAX_COMPARED ? current : [...current, key]));
  };

  return (
    <>
      <PageHeading title={t('catalogue.list.title')} intro={t('catalogue.list.intro')} testId="products-title" />
      <div className="site-container page-body catalogue-page">
        <Input.Search
          className="catalogue-search"
          size="large"
          allowClear
          defaultValue={filters.q}
          maxLength={100}
          placeholder={t('catalogue.list.searchPlaceholder')}
          enterButton={t('catalogue.list.search')}
          aria-label={t('catalogue.list.searchPlaceholder')}
          data-testid="products-search"
          onSearch={(value) => {
            setSearchedWith(others);
            update({ q: value.trim() || undefined });
          }}
        />
        <section className="catalogue-filters" aria-label={t('catalogue.list.filtersLabel')}>
          <label className="catalogue-filter" data-testid="filter-type">
            <span>{t('catalogue.list.type')}</span>
            <Select allowClear value={filters.type ?? null} placeholder={t('catalogue.list.allTypes')} options={typeOptions} onChange={(value: ProductType | null) => update({ type: value })} />
          </label>
          <label className="catalogue-filter" data-testid="filter-destination">
            <span>{t('catalogue.list.destination')}</span>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={filters.destination ?? null}
              placeholder={t('catalogue.list.anyDestination')}
              options={destinationOptions}
              onChange={(value: string | null) => update({ destination: value })}
            />
          </label>
          <label className="catalogue-filter catalogue-filter--narrow" data-testid="filter-days">
            <span>{t('catalogue.list.days')}</span>
            <InputNumber min={1} max={366} precision={0} value={filters.days ?? null} placeholder={t('catalogue.list.daysPlaceholder')} onChange={(value) => update({ days: value ?? undefined })} />
          </label>
          <label className="catalogue-filter catalogue-filter--narrow" data-testid="filter-max-price">
            <span>{t('catalogue.list.maxPrice')}</span>
            <InputNumber
              min={1}
              precision={0}
              value={filters.maxPriceFen === undefined ? null : filters.maxPriceFen / 100}
              placeholder={t('catalogue.list.maxPricePlaceholder')}
              onChange={(value) => update({ maxPrice: value ?? undefined })}
            />
          </label>
          <Button type="link" onClick={clear} data-testid="filter-reset">
            {t('catalogue.list.reset')}
          </Button>
        </section>

        {products.isError ? <ErrorNotice error={products.error} onRetry={() => void products.refetch()} /> : null}
        {products.isPending ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
        {products.data ? (
          <>
            <p className="catalogue-count" data-testid="products-count" data-count={products.data.products.length}>
              {t('catalogue.list.count', { count: products.data.products.length })}
            </p>
            {products.data.products.length === 0 ? <Empty description={t('catalogue.list.empty')} /> : null}
            <ul className="catalogue-grid">
              {products.data.products.map((product) => (
                <li key={product.code}>
                  <ProductCard product={product} isCompared={compared.some((entry) => entry.startsWith(`${product.code}:`))} onCompare={() => toggleCompare(product)} />
                </li>
              ))}
            </ul>
          </>
        ) : null}

        {compared.length > 0 ? (
          <div className="compare-bar" role="region" aria-live="polite" data-testid="compare-bar">
            <span>{t('catalogue.list.compareBar', { count: compared.length })}</span>
            <span className="compare-bar__actions">
              <Button onClick={() => setCompared([])}>{t('catalogue.list.compareClear')}</Button>
              <Button type="primary" onClick={() => void navigate(comparePath(compared))} data-testid="compare-go">
                {t('catalogue.list.compareGo')}
              </Button>
            </span>
          </div>
        ) : null}
      </div>
    </>
  );
}

function ProductCard({ product, isCompared, onCompare }: { product: ProductSummary; isCompared: boolean; onCompare: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const isYearly = product.minDays === product.maxDays || product.maxTripDays !== null;
  return (
    <Card className="product-card" data-testid="product-card" data-code={product.code}>
      <div className="product-card__head">
        <Tag color="blue">{pick(productTypeNames[product.type], language)}</Tag>
        {product.schengenCompliant ? <Tag color="green">{t('catalogue.list.schengen')}</Tag> : null}
      </div>
      <h2 className="product-card__name">{localised(product, 'name', language)}</h2>
      <p className="product-card__insurer">{localised(product.insurer, 'shortName', language)}</p>
      <p className="product-card__summary">{localised(product, 'summary', language)}</p>
      <p className="product-card__facts">
        {t('catalogue.list.ages', { min: product.minAge, max: product.maxAge })} · {isYearly ? t('catalogue.list.yearTerm') : t('catalogue.list.dayRange', { min: product.minDays, max: product.maxDays })}
      </p>
      <div className="product-card__foot">
        <span className="product-card__price" data-testid="product-price" data-fen={product.fromPriceFen ?? ''}>
          {product.fromPriceFen === null ? (
            t('catalogue.list.noPrice')
          ) : (
            <>
              <strong>{t('catalogue.list.fromPrice', { price: formatPrice(product.fromPriceFen, language) })}</strong>
              <small>{t('catalogue.list.priceNote')}</small>
            </>
          )}
        </span>
        <span className="product-card__actions">
          <Button icon={isCompared ? <CheckOutlined /> : <PlusOutlined />} onClick={onCompare} aria-pressed={isCompared} data-testid="product-compare">
            {isCompared ? t('catalogue.list.comparing') : t('catalogue.list.compare')}
          </Button>
          <ButtonLink type="primary" to={`/products/${product.code}`} data-testid="product-details">
            {t('catalogue.list.details')}
          </ButtonLink>
        </span>
      </div>
    </Card>
  );
}
