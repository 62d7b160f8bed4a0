import { SearchOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Form, Grid, Input, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { searchCustomers } from '../../api/customers';
import { consoleMutationKey } from '../../api/queryKeys';
import type { CustomerCard } from '../../api/types';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { splitFieldErrors } from '../../shared/fieldErrors';
import { formatDateTime } from '../../shared/formatDateTime';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { useLanguage } from '../../shared/useLanguage';
import type { AuditPageState } from '../auditPageState';
import { ConsolePageHeader } from '../components/ConsolePageHeader';
import { RequirePermission } from '../components/RequirePermission';
import { EraseChildDataModal } from '../../minors/EraseChildDataModal';
import { UnmaskPhoneModal } from '../components/UnmaskPhoneModal';
import { useCurrentStaff } from '../hooks/useCurrentStaff';
import { hasPermission } from '../permissions';
import '../components/privacy-pages.css';

interface Fields {
  phone: string;
}

function CustomerLookup() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const me = useCurrentStaff();
  const [form] = Form.useForm<Fields>();
  const [problem, setProblem] = useState<unknown>(undefined);
  const [unmasking, setUnmasking] = useState<CustomerCard | null>(null);
  const [erasing, setErasing] = useState<CustomerCard | null>(null);
  const narrow = Grid.useBreakpoint().md === false;
  useDocumentTitle(t('console.customers.title'));

  // A mutation, not a query: each search is an audited action of its own, never repeated behind the
  // person's back, and its answer is not kept once the page is left (gcTime 0).
  const search = useMutation({
    mutationKey: consoleMutationKey('customer-search'),
    mutationFn: (phone: string) => searchCustomers(phone),
    gcTime: 0,
    onError: (error) => {
      const { fields, rest } = splitFieldErrors<keyof Fields>(error, { '/body/phone': 'phone' }, { invalid_phone: 'phone' });
      form.setFields(fields);
      setProblem(rest);
    },
  });

  const canUnmask = hasPermission(me, 'customers.unmask');
  const canReadAudit = hasPermission(me, 'audit.read');
  const canEraseChildData = hasPermission(me, 'minors.erase_unconsented');

  const customerId = (id: string) => (
    <Typography.Text className="privacy-id" copyable={{ text: id, tooltips: [t('console.customers.copyId'), t('console.customers.copied')] }} translate="no" data-testid="customer-id">
      {id}
    </Typography.Text>
  );
  const phoneMasked = (phone: string) => (
    <span translate="no" data-testid="customer-phone-masked">
      {phone}
    </span>
  );
  const status = (value: CustomerCard['status']) =>
    value === 'active' ? <Tag color="success">{t('console.customers.active')}</Tag> : <Tag>{t('console.customers.closed')}</Tag>;
  const lastSignIn = (at: string | null) => (at ? formatDateTime(at, language) : t('console.customers.never'));
  const actions = (customer: CustomerCard) =>
    canUnmask || canReadAudit || canEraseChildData ? (
      <Space size={4} wrap>
        {canUnmask ? (
          <Button size="small" onClick={() => setUnmasking(customer)} data-testid="unmask-open">
            {t('console.customers.unmask')}
          </Button>
        ) : null}
        {canReadAudit ? (
          // The id travels in the router's state, not in the address: it names a person.
          <Button size="small" type="link" onClick={() => void navigate('/console/audit', { state: { subjectId: customer.customerId } satisfies AuditPageState })}>
            {t('console.customers.auditTrail')}
          </Button>
        ) : null}
        {canEraseChildData && customer.status === 'active' ? (
          <Button size="small" danger onClick={() => setErasing(customer)} data-testid="erase-child-open">
            {t('minors.erase.open')}
          </Button>
        ) : null}
      </Space>
    ) : null;

  const wideColumns: TableColumnsType<CustomerCard> = [
    { title: t('console.customers.customerId'), dataIndex: 'customerId', key: 'customerId', render: customerId },
    { title: t('console.customers.phoneMasked'), dataIndex: 'phoneMasked', key: 'phoneMasked', render: phoneMasked },
    { title: t('console.customers.status'), dataIndex: 'status', key: 'status', render: status },
    { title: t('console.customers.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: (at: string) => formatDateTime(at, language) },
    { title: t('console.customers.lastSignIn'), dataIndex: 'lastSignInAt', key: 'lastSignInAt', render: lastSignIn },
    ...(canUnmask || canReadAudit ? [{ title: t('console.customers.actions'), key: 'actions', render: (_value: unknown, customer: CustomerCard) => actions(customer) }] : []),
  ];
  // A phone has no room for six columns: one block per customer, with the buttons in view.
  const narrowColumns: TableColumnsType<CustomerCard> = [
    {
      title: t('console.customers.title'),
      key: 'customer',
      render: (_value, customer) => (
        <div className="customer-block">
          <div className="customer-block__head">
            <strong>{phoneMasked(customer.phoneMasked)}</strong>
            {status(customer.status)}
          </div>
          {customerId(customer.customerId)}
          <span className="privacy-muted">
            {t('console.customers.createdAt')} {formatDateTime(customer.createdAt, language)}
            <br />
            {t('console.customers.lastSignIn')} {lastSignIn(customer.lastSignInAt)}
          </span>
          {actions(customer)}
        </div>
      ),
    },
  ];

  return (
    <div className="console-page">
      <ConsolePageHeader title={t('console.customers.title')} subtitle={t('console.customers.subtitle')} testId="customers-title" />
      <Card className="console-page__block">
        <Form<Fields>
          form={form}
          layout="vertical"
          requiredMark={false}
          className="customer-search"
          initialValues={{ phone: '' }}
          onFinish={({ phone }) => {
            setProblem(undefined);
            search.mutate(phone.trim());
          }}
        >
          <Form.Item label={t('console.customers.phone')} extra={t('console.customers.searchHint')}>
            <Space.Compact className="customer-search__row">
              <Form.Item name="phone" noStyle rules={[{ required: true, whitespace: true, message: t('console.customers.phoneRequired') }]}>
                <Input
                  type="tel"
                  inputMode="tel"
                  autoComplete="off"
                  maxLength={32}
                  allowClear
                  placeholder={t('console.customers.phonePlaceholder')}
                  aria-label={t('console.customers.phone')}
                  data-testid="customer-search-phone"
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={search.isPending} data-testid="customer-search-submit">
                {t('console.customers.search')}
              </Button>
            </Space.Compact>
          </Form.Item>
        </Form>
      </Card>
      <Card>
        {problem ? (
          <ErrorNotice error={problem} />
        ) : (
          <Table<CustomerCard>
            data-testid="customer-results"
            rowKey="customerId"
            size="middle"
            columns={narrow ? narrowColumns : wideColumns}
            showHeader={!narrow}
            dataSource={search.data ?? []}
            loading={search.isPending}
            pagination={false}
            scroll={narrow ? undefined : { x: 'max-content' }}
            locale={{ emptyText: search.data ? t('console.customers.noResults') : t('console.customers.notSearched') }}
          />
        )}
      </Card>
      {unmasking ? <UnmaskPhoneModal key={unmasking.customerId} customer={unmasking} onClose={() => setUnmasking(null)} /> : null}
      {erasing ? <EraseChildDataModal key={erasing.customerId} customer={erasing} onErased={() => search.reset()} onClose={() => setErasing(null)} /> : null}
    </div>
  );
}

/** Customer service (and the PI-protection officer) find a caller's account; numbers stay masked. */
export function CustomersPage() {
  return (
    <RequirePermission permission="customers.lookup">
      <CustomerLookup />
    </RequirePermission>
  );
}
