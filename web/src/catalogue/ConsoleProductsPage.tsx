import { Alert, Card, Popover, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { productTypeNames } from '../../../src/shared/catalogue/terms.ts';
import type { StaffProduct } from '../api/catalogue';
import { ConsolePageHeader } from '../console/components/ConsolePageHeader';
import { RequirePermission } from '../console/components/RequirePermission';
import { useCurrentStaff } from '../console/hooks/useCurrentStaff';
import { hasPermission } from '../console/permissions';
import { ErrorNotice } from '../shared/ErrorNotice';
import { useDocumentTitle } from '../shared/useDocumentTitle';
import { useLanguage } from '../shared/useLanguage';
import { ProblemList } from './editing/ProblemsNotice';
import { localised, pick } from './format';
import { ProductStatusButton } from './ProductStatusButton';
import { useSearchKeywords, useStaffProducts } from './useCatalogue';
import '../console/components/privacy-pages.css';

function ProductList() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const me = useCurrentStaff();
  const products = useStaffProducts();
  const canPublish = hasPermission(me, 'catalogue.publish');
  useDocumentTitle(t('catalogue.console.title'));

  const columns: TableColumnsType<StaffProduct> = [
    {
      title: t('catalogue.console.product'),
      key: 'product',
      render: (_value, product) => (
        <span className="privacy-stack">
          <Link to={`/console/products/${encodeURIComponent(product.code)}`} data-testid="catalogue-open">
            <strong>{localised(product, 'name', language)}</strong>
          </Link>
          <span className="privacy-muted">
            {localised(product.insurer, 'shortName', language)} · {product.code}
          </span>
        </span>
      ),
    },
    { title: t('catalogue.console.type'), key: 'type', render: (_value, product) => pick(productTypeNames[product.type], language) },
    { title: t('catalogue.console.plans'), key: 'plans', render: (_value, product) => product.plans.map((plan) => localised(plan, 'name', language)).join(' / ') },
    {
      title: t('catalogue.console.status'),
      key: 'status',
      render: (_value, product) => (
        <Tag color={product.status === 'published' ? 'success' : 'default'} data-testid="catalogue-status" data-status={product.status}>
          {t(`catalogue.console.statuses.${product.status}`)}
        </Tag>
      ),
    },
    {
      title: t('catalogue.console.readiness'),
      key: 'readiness',
      render: (_value, product) =>
        product.problems.length === 0 ? (
          <Tag color="green">{t('catalogue.console.ready')}</Tag>
        ) : (
          <Popover
            content={<ProblemList problems={product.problems} />}
          >
            <Tag color="orange">{t('catalogue.console.problems', { count: product.problems.length })}</Tag>
          </Popover>
        ),
    },
    ...(canPublish
      ? [
          {
            title: '',
            key: 'actions',
            render: (_value: unknown, product: StaffProduct) => <ProductStatusButton code={product.code} status={product.status} size="small" testIdPrefix="catalogue-status" />,
          },
        ]
      : []),
  ];

  return (
    <div className="console-page">
      <ConsolePageHeader title={t('catalogue.console.title')} subtitle={t('catalogue.console.subtitle')} testId="catalogue-console-title" />
      <Alert type="info" showIcon title={t('catalogue.console.editingHint')} />
      <Card>
        {products.isError ? (
          <ErrorNotice error={products.error} onRetry={() => void products.refetch()} />
        ) : (
          <Table<StaffProduct>
            data-testid="catalogue-table"
            rowKey="code"
            size="middle"
            columns={columns}
            dataSource={products.data ?? []}
            loading={products.isPending}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
        )}
      </Card>
      <SearchKeywords />
    </div>
  );
}

/** R-POL-2: keywords and counts only, never who searched. */
function SearchKeywords() {
  const { t } = useTranslation();
  const keywords = useSearchKeywords();
  return (
    <Card title={t('catalogue.console.keywords')}>
      <p className="privacy-muted">{t('catalogue.console.keywordsHint')}</p>
      {keywords.isError ? (
        <ErrorNotice error={keywords.error} onRetry={() => void keywords.refetch()} />
      ) : (
        <Table
          data-testid="catalogue-keywords"
          rowKey="keyword"
          size="small"
          pagination={false}
          loading={keywords.isPending}
          dataSource={keywords.data ?? []}
          locale={{ emptyText: t('catalogue.console.keywordsEmpty') }}
          columns={[
            { title: t('catalogue.console.keyword'), dataIndex: 'keyword', key: 'keyword' },
            { title: t('catalogue.console.searches'), dataIndex: 'count', key: 'count' },
          ]}
        />
      )}
    </Card>
  );
}

/** Products in the console (R-POL-1): readiness, publish and unpublish for operations; reading for others allowed. */
export function ConsoleProductsPage() {
  return (
    <RequirePermission permission="catalogue.read">
      <ProductList />
    </RequirePermission>
  );
}
