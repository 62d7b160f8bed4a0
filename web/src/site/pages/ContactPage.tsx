import { BankOutlined, CustomerServiceOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Col, Row, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { telHref } from '../../shared/phone';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { useOperator } from '../../shared/useOperator';
import { PageHeading } from '../components/PageHeading';
import './contact.css';

function ContactCard({ icon, title, subtitle, children }: { icon: ReactNode; title: string; subtitle: string; children: ReactNode }) {
  return (
    <Card className="contact-card">
      <span className="contact-card__icon" aria-hidden>
        {icon}
      </span>
      <h2 className="contact-card__title">{title}</h2>
      <p className="contact-card__subtitle">{subtitle}</p>
      {children}
    </Card>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="contact-field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ContactDetails() {
  const { t } = useTranslation();
  const operator = useOperator();

  if (operator.isPending) {
    return (
      <Row gutter={[24, 24]}>
        {['hotline', 'pi', 'company'].map((id) => (
          <Col key={id} xs={24} md={12} lg={8}>
            <Card className="contact-card">
              <Skeleton active />
            </Card>
          </Col>
        ))}
      </Row>
    );
  }
  if (!operator.data) {
    return <ErrorNotice variant="result" error={operator.error} onRetry={() => void operator.refetch()} />;
  }

  const { companyName, address, hotline, piContact } = operator.data;
  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} md={12} lg={8}>
        <ContactCard icon={<CustomerServiceOutlined />} title={t('contact.hotline.title')} subtitle={t('contact.hotline.body')}>
          <a className="contact-card__hotline" href={telHref(hotline)} data-testid="contact-hotline">
            {hotline}
          </a>
        </ContactCard>
      </Col>
      <Col xs={24} md={12} lg={8}>
        <ContactCard icon={<SafetyCertificateOutlined />} title={t('contact.pi.title')} subtitle={t('contact.pi.body')}>
          <dl className="contact-fields" data-testid="contact-pi">
            <Field label={t('contact.fields.name')}>{piContact.name}</Field>
            <Field label={t('contact.fields.email')}>
              <a className="break-anywhere" href={`mailto:${piContact.email}`} data-testid="contact-pi-email">
                {piContact.email}
              </a>
            </Field>
            <Field label={t('contact.fields.phone')}>
              <a href={telHref(piContact.phone)}>{piContact.phone}</a>
            </Field>
          </dl>
        </ContactCard>
      </Col>
      <Col xs={24} md={24} lg={8}>
        <ContactCard icon={<BankOutlined />} title={t('contact.company.title')} subtitle={t('contact.company.body')}>
          <dl className="contact-fields" data-testid="contact-company">
            <Field label={t('contact.fields.company')}>{companyName}</Field>
            <Field label={t('contact.fields.address')}>{address}</Field>
          </dl>
        </ContactCard>
      </Col>
    </Row>
  );
}

export function ContactPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('contact.title'));

  return (
    <>
      <PageHeading title={t('contact.title')} intro={t('contact.intro')} testId="contact-title" />
      <div className="site-container page-body">
        <ContactDetails />
      </div>
    </>
  );
}
