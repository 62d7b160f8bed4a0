import { MailOutlined, PhoneOutlined } from '@ant-design/icons';
import { Button, Layout, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OperatorInfo } from '../../api/types';
import { CookieSettingsLink } from '../../privacy/cookies/CookieSettingsLink';
import { telHref } from '../../shared/phone';
import { useOperator } from '../../shared/useOperator';

function OperatorColumns({ operator }: { operator: OperatorInfo }) {
  const { t } = useTranslation();
  return (
    <>
      <section className="site-footer__column">
        <h2 className="site-footer__heading">{t('footer.hotline')}</h2>
        <a className="site-footer__hotline" href={telHref(operator.hotline)} data-testid="footer-hotline">
          {operator.hotline}
        </a>
        <p className="site-footer__text">
          <span className="site-footer__label">{t('footer.operator')}</span>
          {operator.companyName}
        </p>
        <p className="site-footer__text">
          <span className="site-footer__label">{t('footer.address')}</span>
          {operator.address}
        </p>
      </section>
      <section className="site-footer__column">
        <h2 className="site-footer__heading">{t('footer.piContact')}</h2>
        <p className="site-footer__text">{operator.piContact.name}</p>
        <p className="site-footer__text">
          <MailOutlined aria-hidden className="site-footer__icon" />
          <a className="break-anywhere" href={`mailto:${operator.piContact.email}`} data-testid="footer-pi-email">
            {operator.piContact.email}
          </a>
        </p>
        <p className="site-footer__text">
          <PhoneOutlined aria-hidden className="site-footer__icon" />
          <a href={telHref(operator.piContact.phone)}>{operator.piContact.phone}</a>
        </p>
      </section>
    </>
  );
}

export function SiteFooter() {
  const { t } = useTranslation();
  const operator = useOperator();
  const year = new Date().getFullYear();

  return (
    <Layout.Footer className="site-footer" data-testid="site-footer">
      <div className="site-container site-footer__grid">
        <section className="site-footer__column site-footer__brand">
          <p className="site-footer__logo">Besttrav</p>
          <p className="site-footer__text">{t('footer.tagline')}</p>
        </section>

        {operator.data ? (
          <OperatorColumns operator={operator.data} />
        ) : operator.isError ? (
          <section className="site-footer__column site-footer__column--wide" role="status">
            <p className="site-footer__text">{t('footer.unavailable')}</p>
            <Button size="small" ghost onClick={() => void operator.refetch()}>
              {t('common.retry')}
            </Button>
          </section>
        ) : (
          <section className="site-footer__column site-footer__column--wide" aria-busy="true">
            <Skeleton active title={false} paragraph={{ rows: 3 }} className="site-footer__skeleton" />
          </section>
        )}

        <nav className="site-footer__column" aria-label={t('footer.links')}>
          <h2 className="site-footer__heading">{t('footer.links')}</h2>
          <ul className="site-footer__links">
            <li>
              <Link to="/privacy">{t('nav.privacy')}</Link>
            </li>
            <li>
              <Link to="/policies/user-agreement">{t('policies.documents.user_agreement')}</Link>
            </li>
            <li>
              <Link to="/policies/cookie-policy">{t('policies.documents.cookie_policy')}</Link>
            </li>
            <li>
              <Link to="/contact">{t('nav.contact')}</Link>
            </li>
            <li>
              <CookieSettingsLink />
            </li>
          </ul>
        </nav>
      </div>

      <div className="site-footer__bottom">
        <div className="site-container site-footer__bottom-inner">
          <span data-testid="footer-copyright">
            {t('footer.copyright', { year, company: operator.data?.companyName ?? 'Besttrav' })}
          </span>
          {operator.data?.icpNumber ? (
            <a href="https://beian.miit.gov.cn/" target="_blank" rel="noopener noreferrer" data-testid="footer-icp">
              {t('footer.icp', { value: operator.data.icpNumber })}
            </a>
          ) : null}
          {operator.data?.licenceNumber ? (
            <span data-testid="footer-licence">{t('footer.licence', { value: operator.data.licenceNumber })}</span>
          ) : null}
        </div>
      </div>
    </Layout.Footer>
  );
}
