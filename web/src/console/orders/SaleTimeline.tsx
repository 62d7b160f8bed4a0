import { Collapse, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TimelineStep } from '../../api/consoleOrders';
import { saleStepNames } from '../../../../src/shared/orders.ts';
import { formatDateTime } from '../../shared/formatDateTime';
import { useLanguage } from '../../shared/useLanguage';

/**
 * The 可回溯 replay (R-POL-7): every step in the order the server recorded it, with the document
 * version and hash shown, the statement confirmed, how long after showing, and the exact text.
 */
export function SaleTimeline({ steps }: { steps: TimelineStep[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const isZh = language === 'zh-CN';
  return (
    <Timeline
      data-testid="sale-timeline"
      items={steps.map((step) => ({
        key: step.seq,
        color: step.action === 'confirmed' ? 'green' : 'blue',
        content: (
          <div data-testid="sale-step" data-kind={step.kind} data-action={step.action}>
            <Typography.Text strong>{isZh ? saleStepNames[step.kind].zh : saleStepNames[step.kind].en}</Typography.Text>{' '}
            <Tag color={step.action === 'confirmed' ? 'success' : 'processing'}>{t(step.action === 'confirmed' ? 'consoleOrders.confirmed' : 'consoleOrders.shown')}</Tag>
            <Typography.Text type="secondary">{formatDateTime(step.at, language, { seconds: true })}</Typography.Text>
            {step.viewedMs !== null ? <Typography.Text type="secondary"> · {t('consoleOrders.viewed', { seconds: Math.round(step.viewedMs / 1000) })}</Typography.Text> : null}
            {step.document ? <div className="privacy-muted">{`${isZh ? step.document.titleZh : step.document.titleEn} · ${t('consoleOrders.version', { version: step.document.version })}`}</div> : null}
            {step.contentHash ? (
              <div className="privacy-muted">
                {t('consoleOrders.hash')}: <span className="privacy-id" translate="no">{step.contentHash.slice(0, 16)}…</span>
              </div>
            ) : null}
            {step.statement ? (
              <div>
                {t('consoleOrders.statement')}: {step.statement}
              </div>
            ) : null}
            {step.document && step.action === 'confirmed' ? (
              <Collapse
                size="small"
                ghost
                items={[{ key: 'text', label: t('consoleOrders.showText'), children: <div className="sale-step__text" data-testid="sale-step-text">{isZh ? step.document.bodyZh : step.document.bodyEn}</div> }]}
              />
            ) : null}
          </div>
        ),
      }))}
    />
  );
}
