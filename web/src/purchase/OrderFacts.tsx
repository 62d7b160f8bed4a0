import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { destinationOf } from '../../../src/shared/catalogue/destinations.ts';
import { orderStatusNames, type OrderStatus } from '../../../src/shared/orders.ts';
import type { Order } from '../api/orders';
import { formatPrice, localised, pick } from '../catalogue/format';
import { formatDateTime } from '../shared/formatDateTime';
import { useLanguage } from '../shared/useLanguage';

const STATUS_COLOURS: Record<OrderStatus, string> = { awaiting_payment: 'orange', expired: 'default', paid: 'blue', issued: 'green', refunded: 'purple', cancelled: 'default' };

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { language } = useLanguage();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="order-status" data-status={status}>
      {pick(orderStatusNames[status], language)}
    </Tag>
  );
}

/** What an order is: product, plan, cover in Beijing dates, people covered and the premium in ¥ with two decimals. */
export function OrderFacts({ order }: { order: Order }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const destinations = order.destinations.map((code) => {
    const destination = destinationOf(code);
    return destination ? pick(destination, language) : code;
  });
  return (
    <Descriptions
      className="order-facts"
      size="small"
      column={{ xs: 1, sm: 2 }}
      bordered
      data-testid="order-facts"
      items={[
        { key: 'status', label: t('purchase.order.status'), children: <OrderStatusTag status={order.status} /> },
        { key: 'number', label: t('purchase.order.number'), children: <span data-testid="order-id">{order.id}</span> },
        { key: 'product', label: t('purchase.order.product'), children: localised(order.product, 'name', language) },
        { key: 'plan', label: t('purchase.order.plan'), children: localised(order.plan, 'name', language) },
        { key: 'cover', label: t('purchase.order.cover'), children: `${order.coverStart} – ${order.coverEnd}` },
        ...(destinations.length > 0 ? [{ key: 'destinations', label: t('purchase.order.destinations'), children: destinations.join(language === 'en' ? ', ' : '、') }] : []),
        { key: 'insured', label: t('purchase.order.insuredCount'), children: t('purchase.confirm.insuredCountValue', { count: order.insuredCount }) },
        {
          key: 'premium',
          label: t('purchase.order.premium'),
          children: (
            <strong data-testid="order-premium" data-fen={order.premiumFen}>
              {formatPrice(order.premiumFen, language)}
            </strong>
          ),
        },
        { key: 'created', label: t('purchase.order.createdAt'), children: formatDateTime(order.createdAt, language) },
      ]}
    />
  );
}
