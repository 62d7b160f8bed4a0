import { MailOutlined, PhoneOutlined } from '@ant-design/icons';
import { Skeleton } from 'antd';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { telHref } from '../../shared/phone';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { useOperator } from '../../shared/useOperator';
import { PageHeading } from '../components/PageHeading';
import { PrivacyCommitments } from '../components/PrivacyCommitments';
import './privacy.css';

const COLLECTED: readonly { id: string; titleKey: ParseKeys; bodyKey: ParseKeys }[] = [
  { id: 'account', titleKey: 'privacy.collect.account.title', bodyKey: 'privacy.collect.account.body' },
  { id: 'insured', titleKey: 'privacy.collect.insured.title', bodyKey: 'privacy.collect.insured.body' },
  { id: 'payment', titleKey: 'privacy.collect.payment.title', bodyKey: 'privacy.collect.payment.body' },
  { id: 'claims', titleKey: 'privacy.collect.claims.title', bodyKey: 'privacy.collect.claims.body' },
  { id: 'technical', titleKey: 'privacy.collect.technical.title', bodyKey: 'privacy.collect.technical.body' },
  { id: 'cookie', titleKey: 'privacy.collect.cookie.title', bodyKey: 'privacy.collect.cookie.body' },
];

const RIGHTS: readonly ParseKeys[] = [
  'privacy.rights.access',
  'privacy.rights.correct',
  'privacy.rights.export',
  'privacy.rights.delete',
  'privacy.rights.withdraw',
  'privacy.rights.explain',
];

function OperatorIdentity() {
  const { t } = useTranslation();
  const operator = useOperator();
  return (
    <section className="privacy-section" aria-labelledby="privacy-operator">
      <h2 id="privacy-operator" className="privacy-section__title">
        {t('privacy.operator.title')}
      </h2>
      {operator.data ? (
        <>
          <p data-testid="privacy-operator">{t('privacy.operator.body', { company: operator.data.companyName })}</p>
          <p>{t('privacy.operator.address', { address: operator.data.address })}</p>
        </>
      ) : operator.isPending ? (
        <Skeleton active title={false} paragraph={{ rows: 2 }} />
      ) : (
        <ErrorNotice error={operator.error} onRetry={() => void operator.refetch()} />
      )}
    </section>
  );
}

function PiContact() {
  const { t } = useTranslation();
  const operator = useOperator();
  return (
    <section className="privacy-section" aria-labelledby="privacy-contact">
      <h2 id="privacy-contact" className="privacy-section__title">
        {t('privacy.contact.title')}
      </h2>
      <p>{t('privacy.contact.body')}</p>
      {operator.data ? (
        <div className="privacy-contact" data-testid="privacy-pi-contact">
          <p className="privacy-contact__name">{operator.data.piContact.name}</p>
          <p>
            <MailOutlined aria-hidden className="privacy-contact__icon" />
            <span className="visually-hidden">{t('contact.fields.email')}</span>
            <a className="break-anywhere" href={`mailto:${operator.data.piContact.email}`}>
              {operator.data.piContact.email}
            </a>
          </p>
          <p>
            <PhoneOutlined aria-hidden className="privacy-contact__icon" />
            <span className="visually-hidden">{t('contact.fields.phone')}</span>
            <a href={telHref(operator.data.piContact.phone)}>{operator.data.piContact.phone}</a>
          </p>
          <p className="privacy-contact__address">
            {operator.data.companyName}
            <br />
            {operator.data.address}
          </p>
        </div>
      ) : operator.isPending ? (
        <Skeleton active title={false} paragraph={{ rows: 3 }} />
      ) : (
        <ErrorNotice error={operator.error} onRetry={() => void operator.refetch()} />
      )}
    </section>
  );
}

export function PrivacyPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('privacy.title'));

  return (
    <>
      <PageHeading title={t('privacy.title')} intro={t('privacy.intro')} testId="privacy-title" narrow />
      <div className="site-container page-narrow page-body privacy">
        <OperatorIdentity />

        <section className="privacy-section" aria-labelledby="privacy-collect">
          <h2 id="privacy-collect" className="privacy-section__title">
            {t('privacy.collect.title')}
          </h2>
          <dl className="privacy-collect">
            {COLLECTED.map((item) => (
              <div key={item.id} className="privacy-collect__item">
                <dt>{t(item.titleKey)}</dt>
                <dd>{t(item.bodyKey)}</dd>
              </div>
            ))}
          </dl>
        </section>

        <section className="privacy-section" aria-labelledby="privacy-share">
          <h2 id="privacy-share" className="privacy-section__title">
            {t('privacy.share.title')}
          </h2>
          <p>{t('privacy.share.body')}</p>
        </section>

        <section className="privacy-section" aria-labelledby="privacy-commitments">
          <h2 id="privacy-commitments" className="privacy-section__title">
            {t('privacy.commitments.title')}
          </h2>
          <div className="privacy-commitments">
            <PrivacyCommitments />
          </div>
        </section>

        <section className="privacy-section" aria-labelledby="privacy-rights">
          <h2 id="privacy-rights" className="privacy-section__title">
            {t('privacy.rights.title')}
          </h2>
          <p>{t('privacy.rights.intro')}</p>
          <ul className="privacy-rights">
            {RIGHTS.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
        </section>

        <PiContact />
      </div>
    </>
  );
}
