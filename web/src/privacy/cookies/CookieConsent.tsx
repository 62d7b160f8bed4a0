import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CookieChoice } from '../../../../src/privacy/consent/cookies/cookie-catalogue.ts';
import type { ConsentSurface } from '../../../../src/privacy/consent/cookies/consent-text.ts';
import { describeError } from '../../shared/describeError';
import { CookieBanner } from './CookieBanner';
import { CookieSettingsDialog } from './CookieSettingsDialog';
import { closeCookieSettings, useCookieSettingsOpen } from './cookieSettingsStore';
import { useCookieConsent, useDecideCookieConsent } from './useCookieConsent';
import './cookie-consent.css';

/** The banner disappears with the answer: move focus to the page rather than leave it on nothing. */
function focusMainContent(): void {
  const active = document.activeElement;
  if (active && active !== document.body && document.body.contains(active)) return;
  const main = document.getElementById('main');
  if (!main) return;
  if (!main.hasAttribute('tabindex')) main.setAttribute('tabindex', '-1');
  main.focus({ preventScroll: true });
}

/** Cookie consent of the customer site: the first-visit banner and the settings dialog (R-USE-3). */
export function CookieConsent() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const consent = useCookieConsent();
  const decide = useDecideCookieConsent();
  const isSettingsOpen = useCookieSettingsOpen();

  const onDecide = (surface: ConsentSurface) => (choice: CookieChoice) => {
    decide.mutate(
      { choice, surface },
      {
        onSuccess: () => {
          closeCookieSettings();
          void message.success(t('cookieConsent.saved'));
          window.setTimeout(focusMainContent, 0);
        },
        onError: (error) => void message.error(describeError(error, t).title),
      },
    );
  };

  return (
    <>
      {consent.data?.needsDecision ? <CookieBanner isSaving={decide.isPending} onDecide={onDecide('banner')} /> : null}
      <CookieSettingsDialog
        open={isSettingsOpen}
        current={consent.data?.choice ?? null}
        isSaving={decide.isPending}
        onDecide={onDecide('settings')}
        onClose={closeCookieSettings}
        onAfterClose={() => window.setTimeout(focusMainContent, 0)}
      />
    </>
  );
}
