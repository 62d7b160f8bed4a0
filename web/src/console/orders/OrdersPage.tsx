import { SearchOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Drawer, Form, Input, Radio, Select, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchConsoleOrder, searchOrders, type ConsoleOrder, type MaskedParty, type OrderQuery } from '../../api/consoleOrders';
import { consoleMutationKey } from '../../api/queryKeys';
import { formatPrice } from '../../catalogue/format';
import { ID_DOCUMENT_TYPES, idDocumentTypeNames, type IdDocumentType } from '../../../../src/shared/identity-documents.ts';
import { orderStatusNames } from '../../../../src/shared/orders.ts';
import { relationshipNames, type InsuredRelationship } from '../../../../src/shared/application.ts';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { formatDateTime } from '../../shared/formatDateTime';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { useLanguage } from '../../shared/useLanguage';
import { ConsolePageHeader } from '../components/ConsolePageHeader';
import { RequirePermission } from '../components/RequirePermission';
import { useCurrentStaff } from '../hooks/useCurrentStaff';
import { hasPermission } from '../permissions';
import { OrderMoney } from './OrderMoney';
import { SaleTimeline } from './SaleTimeline';
import { UnmaskPartyModal } from './UnmaskPartyModal';
import '../components/privacy-pages.css';

interface Fields {
  by: 'order' | 'document';
  orderId: string;
  documentType: IdDocumentType;
  documentNumber: string;
}

function OrderDetail({ orderId, onClose }: { orderId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const isZh = language === 'zh-CN';
  const me = useCurrentStaff();
  const [unmasking, setUnmasking] = useState<MaskedParty | null>(null);
  // Each opening is an audited read: never cached past the drawer.
  const detail = useQuery({ queryKey: ['console', 'order', orderId], queryFn: () => fetchConsoleOrder(orderId), gcTime: 0, staleTime: Infinity });
  const relationship = (value: string | null) => (value && value in relationshipNames ? (isZh ? relationshipNames[value as InsuredRelationship].zh : relationshipNames[value as InsuredRelationship].en) : '—');
  const columns: TableColumnsType<MaskedParty> = [
    { title: '', key: 'role', render: (_v, party) => t(`consoleOrders.role.${party.role}`) },
    { title: t('consoleOrders.name'), dataIndex: 'name', key: 'name', render: (name: string | null) => <span translate="no">{name ?? '—'}</span> },
    {
      title: t('consoleOrders.document'),
      key: 'document',
      render: (_v, party) => <span translate="no">{party.idDocument ? `${idDocumentTypeNames[party.idDocument.type][language]} ${party.idDocument.number}` : (party.passport ?? '—')}</span>,
    },
    { title: t('consoleOrders.contact'), key: 'contact', render: (_v, party) => <span translate="no">{[party.phone, party.email].filter(Boolean).join(' · ') || '—'}</span> },
    { title: t('consoleOrders.relationship'), key: 'relationship', render: (_v, party) => relationship(party.relationship) },
    { title: t('consoleOrders.share'), key: 'share', render: (_v, party) => (party.sharePercent === null ? '—' : `${party.sharePercent}%`) },
    { title: t('consoleOrders.health'), key: 'health', render: (_v, party) => (party.hasHealthDeclaration ? t('consoleOrders.healthDeclared') : '—') },
    ...(hasPermission(me, 'orders.unmask')
      ? [{ title: '', key: 'unmask', render: (_v: unknown, party: MaskedParty) => <Button size="small" onClick={() => setUnmasking(party)} data-testid="order-unmask-open">{t('consoleOrders.unmask')}</Button> }]
      : []),
  ];
  return (
    <Drawer open size="large" title={orderId} onClose={onClose} destroyOnHidden data-testid="order-detail">
      {detail.error ? <ErrorNotice error={detail.error} /> : null}
      {detail.data ? (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'product', label: t('consoleOrders.product'), children: `${isZh ? detail.data.order.product.nameZh : detail.data.order.product.nameEn} · ${isZh ? detail.data.order.plan.nameZh : detail.data.order.plan.nameEn}` },
              { key: 'status', label: t('consoleOrders.status'), children: isZh ? orderStatusNames[detail.data.order.status].zh : orderStatusNames[detail.data.order.status].en },
              { key: 'cover', label: t('consoleOrders.cover'), children: `${detail.data.order.coverStart} – ${detail.data.order.coverEnd}` },
              { key: 'premium', label: t('consoleOrders.premium'), children: formatPrice(detail.data.order.premiumFen, language) },
            ]}
          />
          <Card size="small" title={t('consoleOrders.people')}>
            <Table<MaskedParty> rowKey="id" size="small" pagination={false} columns={columns} dataSource={detail.data.parties} scroll={{ x: 'max-content' }} data-testid="order-parties" />
          </Card>
          <Card size="small" title={t('consoleOrders.money.title')}>
            <OrderMoney money={detail.data.money} />
          </Card>
          <Card size="small" title={t('consoleOrders.timeline')}>
            <SaleTimeline steps={detail.data.timeline} />
          </Card>
        </Space>
      ) : null}
      {unmasking ? <UnmaskPartyModal key={unmasking.id} orderId={orderId} party={unmasking} onClose={() => setUnmasking(null)} /> : null}
    </Drawer>
  );
}

function OrderSearch() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const isZh = language === 'zh-CN';
  const [form] = Form.useForm<Fields>();
  const by = Form.useWatch('by', form) ?? 'order';
  const [opened, setOpened] = useState<string | null>(null);
  useDocumentTitle(t('consoleOrders.title'));
  // A mutation, not a query: each search is an audited action and its answer is not kept (gcTime 0).
  const search = useMutation({ mutationKey: consoleMutationKey('order-search'), mutationFn: (query: OrderQuery) => searchOrders(query), gcTime: 0 });
  const columns: TableColumnsType<ConsoleOrder> = [
    { title: t('consoleOrders.orderId'), dataIndex: 'id', key: 'id', render: (id: string) => <span className="privacy-id" translate="no">{id}</span> },
    { title: t('consoleOrders.product'), key: 'product', render: (_v, order) => `${isZh ? order.product.nameZh : order.product.nameEn} · ${isZh ? order.plan.nameZh : order.plan.nameEn}` },
    { title: t('consoleOrders.status'), key: 'status', render: (_v, order) => <Tag>{isZh ? orderStatusNames[order.status].zh : orderStatusNames[order.status].en}</Tag> },
    { title: t('consoleOrders.cover'), key: 'cover', render: (_v, order) => `${order.coverStart} – ${order.coverEnd}` },
    { title: t('consoleOrders.premium'), key: 'premium', render: (_v, order) => formatPrice(order.premiumFen, language) },
    { title: t('consoleOrders.createdAt'), key: 'createdAt', render: (_v, order) => formatDateTime(order.createdAt, language) },
    { title: '', key: 'open', render: (_v, order) => <Button size="small" onClick={() => setOpened(order.id)} data-testid="order-open">{t('consoleOrders.open')}</Button> },
  ];
  return (
    <div className="console-page">
      <ConsolePageHeader title={t('consoleOrders.title')} subtitle={t('consoleOrders.subtitle')} testId="orders-title" />
      <Card className="console-page__block">
        <Form<Fields>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ by: 'order', orderId: '', documentType: 'resident_id', documentNumber: '' }}
          onFinish={(fields) =>
            search.mutate(fields.by === 'order' ? { orderId: fields.orderId.trim() } : { idDocument: { type: fields.documentType, number: fields.documentNumber.trim() } })
          }
        >
          <Form.Item name="by" label={t('consoleOrders.searchBy')}>
            <Radio.Group optionType="button" options={[{ value: 'order', label: t('consoleOrders.byOrderId') }, { value: 'document', label: t('consoleOrders.byDocument') }]} />
          </Form.Item>
          {by === 'order' ? (
            <Form.Item name="orderId" label={t('consoleOrders.orderId')} rules={[{ required: true, pattern: /^\s*ord_[0-9a-z]{26}\s*$/ }]}>
              <Input autoComplete="off" placeholder={t('consoleOrders.orderIdPlaceholder')} data-testid="order-search-id" />
            </Form.Item>
          ) : (
            <Space wrap align="start">
              <Form.Item name="documentType" label={t('consoleOrders.documentType')}>
                <Select style={{ minWidth: 200 }} options={ID_DOCUMENT_TYPES.map((type) => ({ value: type, label: idDocumentTypeNames[type][language] }))} />
              </Form.Item>
              <Form.Item name="documentNumber" label={t('consoleOrders.documentNumber')} rules={[{ required: true, whitespace: true }]}>
                <Input autoComplete="off" maxLength={64} data-testid="order-search-document" />
              </Form.Item>
            </Space>
          )}
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={search.isPending} data-testid="order-search-submit">
            {t('consoleOrders.search')}
          </Button>
        </Form>
      </Card>
      <Card>
        {search.error ? (
          <ErrorNotice error={search.error} />
        ) : (
          <Table<ConsoleOrder>
            data-testid="order-results"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={search.data?.orders ?? []}
            loading={search.isPending}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: search.data ? t('consoleOrders.noResults') : t('consoleOrders.notSearched') }}
          />
        )}
      </Card>
      {opened ? <OrderDetail key={opened} orderId={opened} onClose={() => setOpened(null)} /> : null}
    </div>
  );
}

/** Customer service, the PI-protection officer and auditors find orders and replay how they were sold (R-POL-7). */
export function OrdersPage() {
  return (
    <RequirePermission permission="orders.read">
      <OrderSearch />
    </RequirePermission>
  );
}
