import { Alert, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DocumentKind, PublishedDocument, RenderedVersion, VersionMeta } from '../../api/documents';
import { documentKinds } from '../../../../src/shared/policy-documents.ts';
import { diffPath, documentOfSlug, documentPath, versionNumber, versionPath } from '../../policies/documentPaths';
import { MarkdownDocument } from '../../policies/MarkdownDocument';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { formatDateTime } from '../../shared/formatDateTime';
import { PageSpinner } from '../../shared/PageSpinner';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { useLanguage } from '../../shared/useLanguage';
import { NoticeContent } from '../components/PolicyNotice';
import { PageHeading } from '../components/PageHeading';
import { usePublishedDocument, usePublishedVersion } from '../hooks/usePolicyDocuments';
import { NotFoundPage } from './NotFoundPage';
import '../../policies/policies.css';

function useDate() {
  const { language } = useLanguage();
  return (iso: string | null) => (iso ? formatDateTime(iso, language).slice(0, 10) : '—');
}

function VersionHistory({ document, versions, viewing }: { document: DocumentKind; versions: VersionMeta[]; viewing: number }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const date = useDate();
  return (
    <section className="policy-section" aria-labelledby="policy-history">
      <h2 id="policy-history" className="policy-section__title">
        {t('policies.page.history')}
      </h2>
      <p>{t('policies.page.historyIntro')}</p>
      <ol className="policy-versions" data-testid="policy-versions">
        {versions.map((version) => (
          <li key={version.version} className="policy-versions__item" data-testid={`policy-version-${version.version}`}>
            <span>
              <strong>{t('policies.page.version', { version: version.version })}</strong> <Tag color={version.phase === 'current' ? 'blue' : version.phase === 'scheduled' ? 'gold' : undefined}>{t(`policies.console.phase.${version.phase}`)}</Tag>
              {version.material ? <Tag>{t('policies.page.material')}</Tag> : null}
              {version.narrowsRights ? <Tag color="orange">{t('policies.page.narrowsRights')}</Tag> : null}
            </span>
            <span>{t('policies.page.effective', { date: date(version.effectiveAt) })}</span>
            <p className="policy-versions__summary">{language === 'en' ? version.summaryEn : version.summaryZh}</p>
            <span className="policy-versions__links">
              {version.version === viewing ? null : (
                <Link to={version.phase === 'current' ? documentPath(document) : versionPath(document, version.version)} data-testid={`policy-version-${version.version}-open`}>
                  {t('policies.page.viewVersion')}
                </Link>
              )}
              {version.version > 1 ? (
                <Link to={diffPath(document, { from: version.version - 1, to: version.version })} data-testid={`policy-version-${version.version}-diff`}>
                  {t('policies.page.compare')}
                </Link>
              ) : null}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Where the signed-in customer stands with the current version, and a way to answer again. */
function Standing({ data }: { data: PublishedDocument }) {
  const { t } = useTranslation();
  const standing = data.standing;
  if (!standing || (standing.state !== 'declined' && standing.state !== 'consent')) return null;
  const text =
    standing.state === 'declined'
      ? t('policies.page.declined', { version: standing.current.version, inForce: standing.inForce })
      : t('policies.page.pendingConsent', { version: standing.current.version, inForce: standing.inForce });
  return (
    <Alert
      className="policy-notice__inline"
      type="warning"
      showIcon
      data-testid="policy-standing"
      title={text}
      description={standing.state === 'declined' ? <NoticeContent standing={{ ...standing, state: 'consent' }} /> : null}
    />
  );
}

function DocumentBody({ document, shown, data }: { document: DocumentKind; shown: RenderedVersion; data: PublishedDocument }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const date = useDate();
  const text = language === 'en' ? shown.en : shown.zh;
  const scheduled = data.versions.find((version) => version.phase === 'scheduled');
  return (
    <>
      <p className="policy-meta" data-testid="policy-meta">
        <span data-testid="policy-version">{t('policies.page.version', { version: shown.version })}</span>
        <span>{t('policies.page.effective', { date: date(shown.effectiveAt) })}</span>
        <span>{t('policies.page.published', { date: date(shown.publishedAt) })}</span>
      </p>
      {shown.phase === 'earlier' ? (
        <Alert className="policy-notice__inline" type="info" showIcon title={t('policies.page.earlier', { version: shown.version })} action={<Link to={documentPath(document)}>{t('policies.page.viewCurrent')}</Link>} />
      ) : null}
      {shown.phase === 'scheduled' ? (
        <Alert className="policy-notice__inline" type="info" showIcon title={t('policies.page.notYetInEffect', { version: shown.version, date: date(shown.effectiveAt) })} action={<Link to={documentPath(document)}>{t('policies.page.viewCurrent')}</Link>} />
      ) : null}
      {shown.phase === 'current' && scheduled ? (
        <Alert
          className="policy-notice__inline"
          type="info"
          showIcon
          data-testid="policy-scheduled"
          title={t('policies.page.scheduled', { version: scheduled.version, date: date(scheduled.effectiveAt) })}
          action={<Link to={versionPath(document, scheduled.version)}>{t('policies.page.viewScheduled')}</Link>}
        />
      ) : null}
      {shown.phase === 'current' ? <Standing data={data} /> : null}
      <MarkdownDocument body={text.body} title={text.title} testId="policy-body" />
    </>
  );
}

function OtherDocuments({ document }: { document: DocumentKind }) {
  const { t } = useTranslation();
  return (
    <section className="policy-section" aria-labelledby="policy-others">
      <h2 id="policy-others" className="policy-section__title">
        {t('policies.page.otherDocuments')}
      </h2>
      <p className="policy-versions__links">
        {documentKinds
          .filter((kind) => kind !== document)
          .map((kind) => (
            <Link key={kind} to={documentPath(kind)}>
              {t(`policies.documents.${kind}`)}
            </Link>
          ))}
      </p>
    </section>
  );
}

/**
 * A policy document as published (R-UPD-1, R-PLAT-2): the version in effect — or an earlier or
 * coming one — rendered from markdown with the operator's details filled in from configuration,
 * every published version listed with what it changed, and the person's own standing when they
 * have not accepted a material update. Drafts never appear here.
 */
export function PolicyDocumentView({ document, version, children }: { document: DocumentKind; version?: number; children?: ReactNode }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const published = usePublishedDocument(document);
  const requested = usePublishedVersion(document, version !== undefined && version !== published.data?.current.version ? version : undefined);
  const shown = version === undefined || version === published.data?.current.version ? published.data?.current : requested.data;
  const title = shown ? (language === 'en' ? shown.en.title : shown.zh.title) : t(`policies.documents.${document}`);
  useDocumentTitle(title);

  const failed = published.error ?? requested.error;
  let body: ReactNode;
  if (failed) body = <ErrorNotice variant="result" error={failed} onRetry={() => void Promise.all([published.refetch(), requested.refetch()])} />;
  else if (!published.data || !shown) body = <PageSpinner />;
  else
    body = (
      <>
        <DocumentBody document={document} shown={shown} data={published.data} />
        {children}
        <VersionHistory document={document} versions={published.data.versions} viewing={shown.version} />
        <OtherDocuments document={document} />
      </>
    );

  return (
    <>
      <PageHeading title={title} testId="policy-title" narrow />
      <div className="site-container page-narrow page-body">{body}</div>
    </>
  );
}

/** /policies/:slug and /policies/:slug/versions/:version. */
export function PolicyDocumentPage() {
  const params = useParams();
  const document = documentOfSlug(params.slug);
  const version = versionNumber(params.version);
  if (!document || (params.version !== undefined && version === undefined)) return <NotFoundPage />;
  return <PolicyDocumentView key={`${document}:${version ?? 'current'}`} document={document} version={version} />;
}
