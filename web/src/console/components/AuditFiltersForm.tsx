import { SearchOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, auditActionKey } from '../../privacy/privacyTerms';
import { useTerm } from '../../privacy/useTerm';
import type { AuditFilters } from '../auditSearchBody';
import './privacy-pages.css';

export const AUDIT_LIMITS = [50, 100, 200, 500] as const;
export const DEFAULT_AUDIT_FILTERS: AuditFilters = { subjectId: '', actorId: '', action: undefined, from: '', to: '', limit: 100 };

/** Person, staff member, action and time range; times are typed in Beijing time, like those shown. */
export function AuditFiltersForm({ form, searching, onSearch }: { form: FormInstance<AuditFilters>; searching: boolean; onSearch: (filters: AuditFilters) => void }) {
  const { t } = useTranslation();
  const term = useTerm();

  return (
    <Form<AuditFilters> form={form} layout="vertical" requiredMark={false} initialValues={DEFAULT_AUDIT_FILTERS} onFinish={onSearch}>
      <div className="audit-filters">
        <Form.Item name="subjectId" label={t('console.audit.subject')}>
          <Input allowClear autoComplete="off" spellCheck={false} maxLength={64} placeholder={t('console.audit.subjectPlaceholder')} data-testid="audit-search-subject" />
        </Form.Item>
        <Form.Item name="actorId" label={t('console.audit.actor')}>
          <Input allowClear autoComplete="off" spellCheck={false} maxLength={64} placeholder={t('console.audit.actorPlaceholder')} data-testid="audit-search-actor" />
        </Form.Item>
        <Form.Item name="action" label={t('console.audit.action')}>
          <Select
            allowClear
            placeholder={t('console.audit.anyAction')}
            options={AUDIT_ACTIONS.map((action) => ({ value: action, label: term(auditActionKey, action) }))}
            data-testid="audit-search-action"
          />
        </Form.Item>
        <Form.Item name="from" label={t('console.audit.from')}>
          <Input type="datetime-local" data-testid="audit-search-from" />
        </Form.Item>
        <Form.Item
          name="to"
          label={t('console.audit.to')}
          dependencies={['from']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_rule, to: string | undefined) => {
                const from = getFieldValue('from') as string | undefined;
                // Both are "YYYY-MM-DDTHH:mm" in the same zone, so they compare as text.
                return !from || !to || to > from ? Promise.resolve() : Promise.reject(new Error(t('console.audit.rangeInvalid')));
              },
            }),
          ]}
        >
          <Input type="datetime-local" data-testid="audit-search-to" />
        </Form.Item>
        <Form.Item name="limit" label={t('console.audit.limit')}>
          <Select options={AUDIT_LIMITS.map((limit) => ({ value: limit, label: t('console.audit.limitValue', { count: limit }) }))} data-testid="audit-search-limit" />
        </Form.Item>
      </div>
      <div className="audit-filters__buttons">
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={searching} data-testid="audit-search-submit">
          {t('console.audit.search')}
        </Button>
        <Button onClick={() => form.resetFields()}>{t('console.audit.reset')}</Button>
      </div>
    </Form>
  );
}
