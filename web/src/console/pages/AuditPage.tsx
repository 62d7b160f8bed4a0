import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Form } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { searchAudit, verifyAudit } from '../../api/audit';
import { consoleMutationKey } from '../../api/queryKeys';
import type { AuditEntry } from '../../api/types';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { AuditEntriesTable } from '../components/AuditEntriesTable';
import { AuditFiltersForm, DEFAULT_AUDIT_FILTERS } from '../components/AuditFiltersForm';
import { AuditVerificationResult } from '../components/AuditVerificationResult';
import { ConsolePageHeader } from '../components/ConsolePageHeader';
import { RequirePermission } from '../components/RequirePermission';
import { auditPageStateFrom } from '../auditPageState';
import { auditSearchBody, type AuditFilters } from '../auditSearchBody';
import { useCurrentStaff } from '../hooks/useCurrentStaff';
import { hasPermission } from '../permissions';

function AuditLog() {
  const { t } = useTranslation();
  const me = useCurrentStaff();
  const location = useLocation();
  const navigate = useNavigate();
  const [form] = Form.useForm<AuditFilters>();
  useDocumentTitle(t('console.audit.title'));

  // Mutations, not queries: every search is itself audited, so it runs only when asked for, and the
  // entries (which name people) are not kept once the page is left.
  // Pages after the first continue from the last entry shown (a cursor), so none is skipped or repeated.
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const lastFilters = useRef<AuditFilters | null>(null);
  const search = useMutation({
    mutationKey: consoleMutationKey('audit-search'),
    mutationFn: (filters: AuditFilters) => {
      lastFilters.current = filters;
      return searchAudit(auditSearchBody(filters));
    },
    gcTime: 0,
    onSuccess: (page, filters) => {
      setEntries(page);
      setHasMore(page.length >= filters.limit);
    },
  });
  const more = useMutation({
    mutationKey: consoleMutationKey('audit-search-more'),
    mutationFn: ({ filters, last }: { filters: AuditFilters; last: AuditEntry }) => searchAudit({ ...auditSearchBody(filters), before: { at: last.at, chain: last.chain, seq: last.seq } }),
    gcTime: 0,
    onSuccess: (page, { filters }) => {
      setEntries((shown) => [...shown, ...page]);
      setHasMore(page.length >= filters.limit);
    },
  });
  const loadMore = () => {
    const last = entries[entries.length - 1];
    if (lastFilters.current && last) more.mutate({ filters: lastFilters.current, last });
  };
  const verify = useMutation({ mutationKey: consoleMutationKey('audit-verify'), mutationFn: verifyAudit, gcTime: 0 });

  // Arriving from a customer or an alert with someone in mind: fill in the filter and search at once.
  // The state is then dropped, so a reload or going back does not search again unasked.
  const handedOver = auditPageStateFrom(location.state);
  const consumed = useRef(false);
  const { mutate } = search;
  useEffect(() => {
    if (!handedOver || consumed.current) return;
    consumed.current = true;
    const filters = { ...DEFAULT_AUDIT_FILTERS, ...handedOver };
    form.setFieldsValue(filters);
    mutate(filters);
    void navigate('.', { replace: true, state: null });
  }, [handedOver, form, mutate, navigate]);

  return (
    <div className="console-page">
      <ConsolePageHeader
        title={t('console.audit.title')}
        subtitle={t('console.audit.subtitle')}
        testId="audit-title"
        actions={
          hasPermission(me, 'audit.verify') ? (
            <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="audit-verify">
              {t('console.audit.verify')}
            </Button>
          ) : null
        }
      />
      {verify.isError ? (
        <div className="console-page__block" data-testid="audit-verify-result">
          <ErrorNotice error={verify.error} />
        </div>
      ) : null}
      {verify.data ? <AuditVerificationResult result={verify.data} verifiedAt={verify.submittedAt} /> : null}
      <Card title={t('console.audit.filters')} className="console-page__block">
        <AuditFiltersForm form={form} searching={search.isPending} onSearch={(filters) => search.mutate(filters)} />
      </Card>
      <Card>
        {search.isError ? (
          <ErrorNotice error={search.error} />
        ) : (
          <>
            <AuditEntriesTable entries={entries} loading={search.isPending} searched={search.isSuccess} />
            {more.isError ? <ErrorNotice error={more.error} /> : null}
            {search.isSuccess && hasMore ? (
              <div className="console-page__block audit-more">
                <Button loading={more.isPending} onClick={loadMore} data-testid="audit-load-more">
                  {t('console.audit.loadMore', { count: entries.length })}
                </Button>
              </div>
            ) : null}
          </>
        )}
      </Card>
    </div>
  );
}

/** The audit log for the PI-protection officer and auditors: who touched whose data, when and why. */
export function AuditPage() {
  return (
    <RequirePermission permission="audit.read">
      <AuditLog />
    </RequirePermission>
  );
}
