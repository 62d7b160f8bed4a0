import { App, Button, Modal, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { recordNoticeShown, type DocumentDecision, type DocumentStanding } from '../../api/documents';
import { describeError } from '../../shared/describeError';
import { formatDateTime } from '../../shared/formatDateTime';
import { useLanguage } from '../../shared/useLanguage';
import { diffPath, documentPath } from '../../policies/documentPaths';
import { useDecideOnDocument, useDocumentNotices } from '../hooks/usePolicyDocuments';
import { isCustomer, useSiteSession } from '../hooks/useSiteSession';
import '../../policies/policies.css';

const keyOf = (standing: DocumentStanding) => `${standing.document}:${standing.current.version}`;

/** The version the notice compares against: the one before the first change the person has not seen. */
function diffFrom(standing: DocumentStanding): number | null {
  const first = standing.changes[0]?.version ?? standing.current.version;
  return first > 1 ? first - 1 : null;
}

/**
 * What changed and the person's answer: acknowledge a change without material terms; accept or
 * decline, with two buttons of the same weight and nothing pre-selected, a material or
 * rights-narrowing one. A visitor without an account is only informed.
 */
export function NoticeContent({ standing, onDone }: { standing: DocumentStanding; onDone?: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const session = useSiteSession();
  const asksConsent = standing.requiresConsent && isCustomer(session.data);
  const decide = useDecideOnDocument((next, action) => {
    const done: Record<DocumentDecision, string> = {
      accepted: t('policies.notice.accepted'),
      declined: t('policies.notice.declined', { version: next.inForce }),
      acknowledged: t('policies.notice.acknowledged'),
    };
    void message.success(done[action]);
    onDone?.();
  });
  const answer = (action: DocumentDecision) =>
    decide.mutate(
      { document: standing.document, version: standing.current.version, action },
      {
        onError: (error) => {
          const { title, detail } = describeError(error, t);
          void message.error(detail || title);
        },
      },
    );
  const isNarrowing = standing.changes.some((change) => change.narrowsRights);

  return (
    <div className="policy-notice" data-testid="policy-notice" data-document={standing.document} data-version={standing.current.version}>
      <p>{t('policies.notice.effective', { version: standing.current.version, date: formatDateTime(standing.current.effectiveAt ?? '', language).slice(0, 10) })}</p>
      <ul className="policy-notice__changes" data-testid="policy-notice-summary">
        {standing.changes.map((change) => (
          <li key={change.version}>
            <strong>{t('policies.page.version', { version: change.version })}</strong>
            {change.material ? <Tag className="policy-notice__tag">{t('policies.page.material')}</Tag> : null}
            {change.narrowsRights ? <Tag color="orange">{t('policies.page.narrowsRights')}</Tag> : null}
            <span> {language === 'en' ? change.summaryEn : change.summaryZh}</span>
          </li>
        ))}
      </ul>
      {asksConsent ? <p data-testid="policy-notice-consent-text">{t('policies.notice.consent', { inForce: standing.inForce })}</p> : null}
      {asksConsent && isNarrowing ? <p>{t('policies.notice.narrows')}</p> : null}
      <p className="policy-versions__links">
        {diffFrom(standing) ? (
          <Link to={diffPath(standing.document, { from: diffFrom(standing), to: standing.current.version })} data-testid="policy-notice-diff">
            {t('policies.notice.viewDiff')}
          </Link>
        ) : null}
        <Link to={documentPath(standing.document)}>{t('policies.notice.viewFull')}</Link>
      </p>
      <div className="policy-notice__actions">
        {asksConsent ? (
          <>
            <Button size="large" onClick={() => answer('declined')} loading={decide.isPending && decide.variables?.action === 'declined'} data-testid="policy-notice-decline">
              {t('policies.notice.decline')}
            </Button>
            <Button size="large" onClick={() => answer('accepted')} loading={decide.isPending && decide.variables?.action === 'accepted'} data-testid="policy-notice-accept">
              {t('policies.notice.accept')}
            </Button>
          </>
        ) : (
          <Button size="large" type="primary" onClick={() => answer('acknowledged')} loading={decide.isPending} data-testid="policy-notice-acknowledge">
            {t('policies.notice.acknowledge')}
          </Button>
        )}
      </div>
    </div>
  );
}

function isPolicyPage(pathname: string): boolean {
  return pathname === '/privacy' || pathname.startsWith('/policies/');
}

/**
 * The change notice on the first visit after a new privacy policy or user agreement takes effect
 * (R-UPD-1): a modal over the site, or — on the policy pages themselves, where the person reads the
 * text and the changes before deciding — a panel at the foot of the page. Closing it without an
 * answer only puts it off until the next visit. A signed-in customer's sight of it is recorded.
 */
export function PolicyUpdateNotice() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { pathname } = useLocation();
  const session = useSiteSession();
  const notices = useDocumentNotices();
  const [postponed, setPostponed] = useState<ReadonlySet<string>>(new Set());
  const shown = useRef(new Set<string>());
  const notice = notices.data?.documents.find((standing) => (standing.state === 'acknowledge' || standing.state === 'consent') && !postponed.has(keyOf(standing)));
  const isSignedIn = isCustomer(session.data);

  useEffect(() => {
    if (!notice || !isSignedIn || shown.current.has(keyOf(notice))) return;
    shown.current.add(keyOf(notice));
    // Evidence that the text was put in front of the person; a failure here must not stop them reading it.
    recordNoticeShown(notice.document, notice.current.version).catch(() => undefined);
  }, [notice, isSignedIn]);

  const showsBar = notice !== undefined && isPolicyPage(pathname);
  useEffect(() => {
    if (!showsBar) return;
    // Room below the text, so the panel never hides the end of the document.
    document.body.classList.add('has-policy-notice');
    return () => document.body.classList.remove('has-policy-notice');
  }, [showsBar]);

  if (!notice) return null;
  const title = t('policies.notice.title', { title: language === 'en' ? notice.current.titleEn : notice.current.titleZh });
  const postpone = () => setPostponed(new Set([...postponed, keyOf(notice)]));

  if (showsBar) {
    return (
      <aside className="policy-notice__bar" aria-label={title} data-testid="policy-notice-bar">
        <div className="site-container page-narrow">
          <h2 className="policy-notice__bar-title">{title}</h2>
          <NoticeContent standing={notice} />
        </div>
      </aside>
    );
  }
  return (
    <Modal open title={title} footer={null} mask={{ closable: false }} onCancel={postpone} width={560}>
      <NoticeContent standing={notice} />
    </Modal>
  );
}
