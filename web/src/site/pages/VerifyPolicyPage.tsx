import { useQuery } from '@tanstack/react-query';
import { Descriptions, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../api/apiError';
import { apiRequest } from '../../api/client';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { PageSpinner } from '../../shared/PageSpinner';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { useLanguage } from '../../shared/useLanguage';
import { PageHeading } from '../components/PageHeading';

/** What GET /api/site/verify/:token answers (src/http/routes/site/verify.ts): masked data only. */
interface PolicyVerification {
  valid: boolean;
  status: 'issued' | 'cancelled';
  product: { nameZh: string; nameEn: string };
  insurer: { nameZh: string; nameEn: string };
  coverStart: string;
  coverEnd: string;
  policyNumberMasked: string;
  insuredNamesMasked: string[];
}

function fetchVerification(token: string, signal: AbortSignal): Promise<PolicyVerification> {
  return apiRequest<PolicyVerification>(`/api/site/verify/${encodeURIComponent(token)}`, { signal });
}

function Verification({ verification }: { verification: PolicyVerification }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const name = (text: { nameZh: string; nameEn: string }) => (language === 'en' ? text.nameEn : text.nameZh);
  return (
    <>
      <Result
        status={verification.valid ? 'success' : 'warning'}
        title={<span data-testid="verify-outcome" data-valid={verification.valid}>{t(verification.valid ? 'verify.valid' : 'verify.cancelled')}</span>}
        subTitle={t(verification.valid ? 'verify.validHint' : 'verify.cancelledHint')}
      />
      <Descriptions
        column={1}
        bordered
        size="small"
        styles={{ label: { whiteSpace: 'nowrap' } }}
        data-testid="verify-details"
        items={[
          { key: 'product', label: t('verify.product'), children: name(verification.product) },
          { key: 'insurer', label: t('verify.insurer'), children: name(verification.insurer) },
          { key: 'policyNumber', label: t('verify.policyNumber'), children: verification.policyNumberMasked },
          { key: 'cover', label: t('verify.cover'), children: t('verify.coverPeriod', { start: verification.coverStart, end: verification.coverEnd }) },
          { key: 'insured', label: t('verify.insured'), children: verification.insuredNamesMasked.join(language === 'en' ? ', ' : '、') },
        ]}
      />
      <Typography.Paragraph type="secondary">
        {t('verify.masked')}
      </Typography.Paragraph>
    </>
  );
}

/**
 * Where the e-policy's QR code leads (R-POL-9): anyone — a visa officer, a hotel — sees that the
 * policy is genuine and in force, with names and the policy number partly hidden. No sign-in.
 */
export function VerifyPolicyPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  useDocumentTitle(t('verify.title'));
  const verification = useQuery({ queryKey: ['policyVerification', token], queryFn: ({ signal }) => fetchVerification(token, signal), retry: false, staleTime: 0 });

  let body;
  if (verification.isPending) body = <PageSpinner />;
  else if (verification.error instanceof ApiError && verification.error.status === 404) {
    body = <Result status="error" title={<span data-testid="verify-outcome" data-valid="false">{t('verify.notFound')}</span>} subTitle={t('verify.notFoundHint')} />;
  } else if (verification.isError) body = <ErrorNotice variant="result" error={verification.error} onRetry={() => void verification.refetch()} />;
  else body = <Verification verification={verification.data} />;

  return (
    <>
      <PageHeading title={t('verify.title')} intro={t('verify.intro')} testId="verify-title" narrow />
      <div className="site-container page-narrow page-body">{body}</div>
    </>
  );
}
