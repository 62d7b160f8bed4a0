import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditVerification } from '../../api/types';
import { auditProblemKey } from '../../privacy/privacyTerms';
import { useTerm } from '../../privacy/useTerm';
import { formatDateTime } from '../../shared/formatDateTime';
import { useLanguage } from '../../shared/useLanguage';
import './privacy-pages.css';

/** "Intact (n entries)", or every place where a chain broke, so the officer knows where to look. */
export function AuditVerificationResult({ result, verifiedAt }: { result: AuditVerification; verifiedAt: number }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const term = useTerm();
  const when = t('console.audit.verifiedAt', { time: formatDateTime(new Date(verifiedAt).toISOString(), language, { seconds: true }), count: result.entries });

  if (result.isIntact) {
    return (
      <Alert
        type="success"
        showIcon
        className="console-page__block"
        data-testid="audit-verify-result"
        data-intact="true"
        title={t('console.audit.intact', { count: result.entries })}
        description={
          <>
            {t('console.audit.intactDetail')}
            <br />
            <span className="privacy-muted">{when}</span>
          </>
        }
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      className="console-page__block"
      data-testid="audit-verify-result"
      data-intact="false"
      title={t('console.audit.broken', { count: result.problems.length })}
      description={
        <>
          {t('console.audit.brokenDetail')}
          <ul className="audit-verify-problems">
            {result.problems.map((problem) => (
              <li key={`${problem.chain}-${problem.seq}-${problem.kind}`}>{t('console.audit.problem', { chain: problem.chain, seq: problem.seq, kind: term(auditProblemKey, problem.kind) })}</li>
            ))}
          </ul>
          <span className="privacy-muted">{when}</span>
        </>
      }
    />
  );
}
