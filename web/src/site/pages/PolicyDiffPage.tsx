import { Select, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { DocumentKind } from '../../api/documents';
import { DiffView } from '../../policies/DiffView';
import { documentOfSlug, documentPath, versionNumber } from '../../policies/documentPaths';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { formatDateTime } from '../../shared/formatDateTime';
import { PageSpinner } from '../../shared/PageSpinner';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { useLanguage } from '../../shared/useLanguage';
import { PageHeading } from '../components/PageHeading';
import { usePublishedDiff, usePublishedDocument } from '../hooks/usePolicyDocuments';
import { NotFoundPage } from './NotFoundPage';
import '../../policies/policies.css';

function DocumentDiff({ document }: { document: DocumentKind }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [search, setSearch] = useSearchParams();
  const range = { from: versionNumber(search.get('from')), to: versionNumber(search.get('to')) };
  const diff = usePublishedDiff(document, range);
  const published = usePublishedDocument(document);
  const name = t(`policies.documents.${document}`);
  const title = t('policies.diff.title', { title: name });
  useDocumentTitle(title);
  const date = (iso: string | null | undefined) => (iso ? formatDateTime(iso, language).slice(0, 10) : '—');

  const pick = (which: 'from' | 'to', value: number) => {
    const next = new URLSearchParams(search);
    next.set(which, String(value));
    setSearch(next, { replace: true });
  };
  const options = (published.data?.versions ?? []).map((version) => ({ value: version.version, label: t('policies.page.version', { version: version.version }) }));

  let body;
  if (diff.isError) body = <ErrorNotice variant="result" error={diff.error} onRetry={() => void diff.refetch()} />;
  else if (!diff.data) body = <PageSpinner />;
  else {
    const { from, to } = diff.data;
    body = (
      <>
        <p data-testid="policy-diff-intro">
          {from
            ? t('policies.diff.intro', { from: from.version, fromDate: date(from.effectiveAt), to: to.version, toDate: date(to.effectiveAt) })
            : t('policies.diff.firstVersion', { to: to.version })}
        </p>
        {options.length > 1 ? (
          <div className="policy-versions__links policy-diff__pick" role="group" aria-label={t('policies.diff.pick')}>
            <Select aria-label={t('policies.diff.from')} size="small" value={from?.version} options={options} onChange={(value: number) => pick('from', value)} data-testid="policy-diff-from" />
            <span aria-hidden>→</span>
            <Select aria-label={t('policies.diff.to')} size="small" value={to.version} options={options} onChange={(value: number) => pick('to', value)} data-testid="policy-diff-to" />
          </div>
        ) : null}
        <Tabs
          key={language}
          defaultActiveKey={language === 'en' ? 'en' : 'zh'}
          items={[
            { key: 'zh', label: '中文', children: <DiffView lines={diff.data.zh} testId="policy-diff-zh" /> },
            { key: 'en', label: 'English', children: <DiffView lines={diff.data.en} testId="policy-diff-en" /> },
          ]}
        />
        <p>
          <Link to={documentPath(document)}>{t('policies.diff.back')}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <PageHeading title={title} testId="policy-diff-title" narrow />
      <div className="site-container page-narrow page-body">{body}</div>
    </>
  );
}

/**
 * /policies/:slug/diff?from=&to=: what changed between two published versions (R-UPD-1), by default
 * the version in effect against the one before it. The change notice links here.
 */
export function PolicyDiffPage() {
  const params = useParams();
  const document = documentOfSlug(params.slug);
  if (!document) return <NotFoundPage />;
  return <DocumentDiff document={document} />;
}
