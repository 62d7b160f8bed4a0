import { Button } from 'antd';
import { acceptAllChoice, rejectAllChoice, type CookieChoice } from '../../../../src/privacy/consent/cookies/cookie-catalogue.ts';
import { cookieConsentTexts } from '../../../../src/privacy/consent/cookies/consent-text.ts';
import { useLanguage } from '../../shared/useLanguage';
import { openCookieSettings } from './cookieSettingsStore';

interface CookieBannerProps {
  isSaving: boolean;
  onDecide: (choice: CookieChoice) => void;
}

/**
 * The first-visit banner (R-USE-3). It sits in the page flow above the header rather than over the
 * content, so it never hides what a person came for; the three answers are the same kind of button,
 * so refusing is exactly as easy as accepting. Its words are the ones the consent record hashes.
 */
export function CookieBanner({ isSaving, onDecide }: CookieBannerProps) {
  const { language } = useLanguage();
  const text = cookieConsentTexts[language];
  return (
    <section className="cookie-banner" role="region" aria-labelledby="cookie-banner-title" aria-describedby="cookie-banner-body" data-testid="cookie-banner">
      <div className="site-container cookie-banner__inner">
        <div className="cookie-banner__text">
          <h2 id="cookie-banner-title" className="cookie-banner__title">
            {text.bannerTitle}
          </h2>
          <p id="cookie-banner-body" className="cookie-banner__body">
            {text.bannerBody}
          </p>
        </div>
        <div className="cookie-banner__actions">
          <Button className="cookie-consent__button" disabled={isSaving} onClick={() => onDecide(acceptAllChoice)} data-testid="cookie-accept-all">
            {text.acceptAll}
          </Button>
          <Button className="cookie-consent__button" disabled={isSaving} onClick={() => onDecide(rejectAllChoice)} data-testid="cookie-reject-all">
            {text.rejectAll}
          </Button>
          <Button className="cookie-consent__button" disabled={isSaving} onClick={openCookieSettings} aria-haspopup="dialog" data-testid="cookie-open-settings">
            {text.settings}
          </Button>
        </div>
      </div>
    </section>
  );
}
