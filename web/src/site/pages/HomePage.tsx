import {
  CustomerServiceOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  PhoneOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { Button, Skeleton } from 'antd';
import type { ParseKeys } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../shared/ButtonLink';
import { telHref } from '../../shared/phone';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { useOperator } from '../../shared/useOperator';
import { PrivacyCommitments } from '../components/PrivacyCommitments';
import './home.css';

interface Feature {
  id: string;
  icon: ReactNode;
  titleKey: ParseKeys;
  bodyKey: ParseKeys;
}

const FEATURES: readonly Feature[] = [
  { id: 'compare', icon: <SwapOutlined />, titleKey: 'home.features.compare.title', bodyKey: 'home.features.compare.body' },
  { id: 'policies', icon: <FileProtectOutlined />, titleKey: 'home.features.policies.title', bodyKey: 'home.features.policies.body' },
  { id: 'claims', icon: <FileSearchOutlined />, titleKey: 'home.features.claims.title', bodyKey: 'home.features.claims.body' },
];

const STEPS: readonly { id: string; titleKey: ParseKeys; bodyKey: ParseKeys }[] = [
  { id: 'one', titleKey: 'home.steps.one.title', bodyKey: 'home.steps.one.body' },
  { id: 'two', titleKey: 'home.steps.two.title', bodyKey: 'home.steps.two.body' },
  { id: 'three', titleKey: 'home.steps.three.title', bodyKey: 'home.steps.three.body' },
];

function HelpBand() {
  const { t } = useTranslation();
  const operator = useOperator();
  return (
    <section className="home-help" aria-labelledby="home-help-title">
      <div className="site-container home-help__inner">
        <div className="home-help__copy">
          <CustomerServiceOutlined className="home-help__icon" aria-hidden />
          <div>
            <h2 id="home-help-title" className="home-help__title">
              {t('home.help.title')}
            </h2>
            <p className="home-help__body">{t('home.help.body')}</p>
          </div>
        </div>
        <div className="home-help__actions">
          {operator.data ? (
            <Button
              type="primary"
              size="large"
              icon={<PhoneOutlined />}
              href={telHref(operator.data.hotline)}
              data-testid="home-hotline"
            >
              {t('home.help.call', { hotline: operator.data.hotline })}
            </Button>
          ) : operator.isPending ? (
            <Skeleton.Button active size="large" />
          ) : null}
          <ButtonLink to="/contact" size="large">
            {t('home.help.more')}
          </ButtonLink>
        </div>
      </div>
    </section>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(undefined);

  return (
    <>
      <section className="home-hero" aria-labelledby="home-title">
        <div className="site-container home-hero__inner">
          <div className="home-hero__copy">
            <span className="home-hero__badge">{t('home.hero.badge')}</span>
            <h1 id="home-title" className="home-hero__title" data-testid="home-title">
              {t('home.hero.title')}
            </h1>
            <p className="home-hero__subtitle">{t('home.hero.subtitle')}</p>
            <div className="home-hero__actions">
              <ButtonLink to="/privacy" type="primary" size="large">
                {t('home.hero.primaryCta')}
              </ButtonLink>
              <ButtonLink to="/contact" size="large">
                {t('home.hero.secondaryCta')}
              </ButtonLink>
            </div>
          </div>

          <section className="home-features" aria-labelledby="home-features-title">
            <h2 id="home-features-title" className="home-features__title">
              {t('home.features.title')}
            </h2>
            <ul className="home-features__list">
              {FEATURES.map((feature) => (
                <li key={feature.id} className="home-features__item">
                  <span className="home-features__icon" aria-hidden>
                    {feature.icon}
                  </span>
                  <div>
                    <h3 className="home-features__name">{t(feature.titleKey)}</h3>
                    <p className="home-features__body">{t(feature.bodyKey)}</p>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        </div>
      </section>

      <section className="home-section" aria-labelledby="home-steps-title">
        <div className="site-container">
          <header className="home-section__header">
            <h2 id="home-steps-title" className="home-section__title">
              {t('home.steps.title')}
            </h2>
            <p className="home-section__subtitle">{t('home.steps.subtitle')}</p>
          </header>
          <ol className="home-steps" data-testid="home-steps">
            {STEPS.map((step, index) => (
              <li key={step.id} className="home-steps__item">
                <span className="home-steps__number" aria-hidden>
                  {index + 1}
                </span>
                <h3 className="home-steps__title">{t(step.titleKey)}</h3>
                <p className="home-steps__body">{t(step.bodyKey)}</p>
              </li>
            ))}
          </ol>
        </div>
      </section>

      <section className="home-section home-section--tinted" aria-labelledby="home-privacy-title">
        <div className="site-container">
          <header className="home-section__header">
            <h2 id="home-privacy-title" className="home-section__title">
              {t('home.privacy.title')}
            </h2>
            <p className="home-section__subtitle">{t('home.privacy.subtitle')}</p>
          </header>
          <PrivacyCommitments />
          <div className="home-section__footer">
            <ButtonLink to="/privacy" type="link" size="large">
              {t('home.privacy.more')} →
            </ButtonLink>
          </div>
        </div>
      </section>

      <HelpBand />
    </>
  );
}
