import { CloseOutlined } from '@ant-design/icons';
import { Button, Empty, Select, Skeleton, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorNotice } from '../shared/ErrorNotice';
import { useDocumentTitle } from '../shared/useDocumentTitle';
import { useLanguage } from '../shared/useLanguage';
import { PageHeading } from '../site/components/PageHeading';
import { comparedPlans, MAX_COMPARED } from './comparePath';
import { CoverageTable } from './CoverageTable';
import { formatPrice, localised } from './format';
import { useComparison, useProducts } from './useCatalogue';
import './catalogue.css';

/** Plans of different products side by side (R-POL-1); the selection is the address, nothing is stored. */
export function ComparePage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const selected = comparedPlans(params);
  const comparison = useComparison(selected);
  const catalogue = useProducts({});
  useDocumentTitle(t('catalogue.compare.title'));

  const setSelection = (plans: string[]) => {
    const next = new URLSearchParams();
    for (const plan of plans) next.append('plans', plan);
    setParams(next, { replace: true });
  };
  const addOptions = useMemo(
    () =>
      (catalogue.data?.products ?? []).map((product) => ({
        label: localised(product, 'name', language),
        title: localised(product, 'name', language),
        options: product.plans
          .map((plan) => ({ value: `${product.code}:${plan.code}`, label: `${localised(product, 'name', language)} · ${localised(plan, 'name', language)}` }))
          .filter((option) => !selected.includes(option.value)),
      })),
    [catalogue.data, language, selected],
  );

  return (
    <>
      <PageHeading title={t('catalogue.compare.title')} intro={t('catalogue.compare.intro')} testId="compare-title" />
      <div className="site-container page-body catalogue-page">
        <div className="compare-add">
          <Select
            className="compare-add__select"
            showSearch={{ optionFilterProp: 'label' }}
            value={null}
            disabled={selected.length >= MAX_COMPARED}
            placeholder={selected.length >= MAX_COMPARED ? t('catalogue.compare.full') : t('catalogue.compare.addPlaceholder')}
            aria-label={t('catalogue.compare.add')}
            options={addOptions}
            onChange={(value: string) => setSelection([...selected, value])}
            data-testid="compare-add"
          />
        </div>
        {selected.length === 0 ? <Empty description={t('catalogue.compare.empty')} /> : null}
        {comparison.isError ? <ErrorNotice error={comparison.error} onRetry={() => void comparison.refetch()} /> : null}
        {selected.length > 0 && comparison.isPending ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
        {selected.length > 0 && comparison.data ? (
          <CoverageTable
            testId="compare-table"
            columns={comparison.data.plans.map((entry) => {
              const key = `${entry.product.code}:${entry.plan.code}`;
              return {
                key,
                header: (
                  <span className="plan-header">
                    <Link to={`/products/${entry.product.code}`}>{localised(entry.product, 'name', language)}</Link>
                    <span>{localised(entry.plan, 'name', language)}</span>
                    <span className="product-muted">{localised(entry.product.insurer, 'shortName', language)}</span>
                    {entry.plan.schengenCompliant ? <Tag color="green">{t('catalogue.product.schengenPlan')}</Tag> : null}
                    {entry.fromPriceFen !== null ? (
                      <span className="plan-header__price">
                        {t('catalogue.list.fromPrice', { price: formatPrice(entry.fromPriceFen, language) })}
                        <small>{t('catalogue.list.priceNote')}</small>
                      </span>
                    ) : null}
                    <Button size="small" type="text" icon={<CloseOutlined />} onClick={() => setSelection(selected.filter((plan) => plan !== key))}>
                      {t('catalogue.compare.remove')}
                    </Button>
                  </span>
                ),
              };
            })}
            rows={comparison.data.rows}
          />
        ) : null}
      </div>
    </>
  );
}
