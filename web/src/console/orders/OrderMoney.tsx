import { Alert, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConsoleOrderMoney } from '../../api/consoleOrders';
import { refundReasonNames } from '../../../../src/modules/payments/payment-terms.ts';
import { formatPrice, pick } from '../../catalogue/format';
import { formatDateTime } from '../../shared/formatDateTime';
import { useLanguage } from '../../shared/useLanguage';

interface MoneyRow {
  key: string;
  kind: string;
  amountFen: number;
  status: string;
  colour: string;
  at: string;
}

const REFUND_COLOURS = { requested: 'processing', pending: 'processing', succeeded: 'success', failed: 'error' } as const;
const PAYMENT_COLOURS = { pending: 'warning', paid: 'success', closed: 'default' } as const;

/** An order's payments and refunds in time order, a failed refund called out: money still owed to the customer. */
export function OrderMoney({ money }: { money: ConsoleOrderMoney }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const rows: MoneyRow[] = [
    ...money.payments.map((payment) => ({
      key: payment.id,
      kind: t(`consoleOrders.money.payment.${payment.purpose}`),
      amountFen: payment.amountFen,
      status: t(`consoleOrders.money.paymentStatus.${payment.status}`),
      colour: PAYMENT_COLOURS[payment.status],
      at: payment.paidAt ?? payment.createdAt,
    })),
    ...money.refunds.map((refund) => ({
      key: refund.id,
      kind: t('consoleOrders.money.refund', { reason: pick(refundReasonNames[refund.reason], language) }),
      amountFen: -refund.amountFen,
      status: t(`consoleOrders.money.refundStatus.${refund.status}`),
      colour: REFUND_COLOURS[refund.status],
      at: refund.updatedAt,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const columns: TableColumnsType<MoneyRow> = [
    { title: t('consoleOrders.money.kind'), dataIndex: 'kind', key: 'kind' },
    { title: t('consoleOrders.money.amount'), key: 'amount', render: (_v, row) => (row.amountFen < 0 ? `−${formatPrice(-row.amountFen, language)}` : formatPrice(row.amountFen, language)) },
    { title: t('consoleOrders.money.status'), key: 'status', render: (_v, row) => <Tag color={row.colour}>{row.status}</Tag> },
    { title: t('consoleOrders.money.at'), key: 'at', render: (_v, row) => formatDateTime(row.at, language) },
  ];
  return (
    <>
      {money.refunds.some((refund) => refund.status === 'failed') ? <Alert type="error" showIcon title={t('consoleOrders.money.failedHint')} data-testid="order-refund-failed" /> : null}
      <Table<MoneyRow> rowKey="key" size="small" pagination={false} columns={columns} dataSource={rows} scroll={{ x: 'max-content' }} locale={{ emptyText: t('consoleOrders.money.none') }} data-testid="order-money" />
    </>
  );
}
