import { AuditOutlined, CheckCircleOutlined, DownloadOutlined, LockOutlined } from '@ant-design/icons';
import type { ParseKeys } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './privacy-commitments.css';

interface Commitment {
  id: string;
  icon: ReactNode;
  titleKey: ParseKeys;
  bodyKey: ParseKeys;
}

const COMMITMENTS: readonly Commitment[] = [
  { id: 'encryption', icon: <LockOutlined />, titleKey: 'commitments.encryption.title', bodyKey: 'commitments.encryption.body' },
  { id: 'consent', icon: <CheckCircleOutlined />, titleKey: 'commitments.consent.title', bodyKey: 'commitments.consent.body' },
  { id: 'audit', icon: <AuditOutlined />, titleKey: 'commitments.audit.title', bodyKey: 'commitments.audit.body' },
  { id: 'rights', icon: <DownloadOutlined />, titleKey: 'commitments.rights.title', bodyKey: 'commitments.rights.body' },
];

/** The four privacy commitments, shared by the home page and the privacy page so they never disagree. */
export function PrivacyCommitments({ headingLevel = 3 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="commitments" data-testid="privacy-commitments">
      {COMMITMENTS.map((commitment) => (
        <li key={commitment.id} className="commitments__item">
          <span className="commitments__icon" aria-hidden>
            {commitment.icon}
          </span>
          <Heading className="commitments__title">{t(commitment.titleKey)}</Heading>
          <p className="commitments__body">{t(commitment.bodyKey)}</p>
        </li>
      ))}
    </ul>
  );
}
