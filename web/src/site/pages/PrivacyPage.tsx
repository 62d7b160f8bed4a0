import { MailOutlined, PhoneOutlined } from '@ant-design/icons';
import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { telHref } from '../../shared/phone';
import { useOperator } from '../../shared/useOperator';
import { PolicyDocumentView } from './PolicyDocumentPage';
import './privacy.css';

function PiContact() {
  const { t } = useTranslation();
  const operator = useOperator();
  return (
    <section className="privacy-section policy-section" aria-labelledby="privacy-contact">
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

/**
 * /privacy: the privacy policy in effect, in full (R-UPD-1), one click from the footer of every page,
 * followed by how to reach the PI-protection officer (from configuration, R-PLAT-2) and every
 * earlier version.
 */
export function PrivacyPage() {
  return (
    <div className="privacy">
      <PolicyDocumentView document="privacy_policy">
        <PiContact />
      </PolicyDocumentView>
    </div>
  );
}
