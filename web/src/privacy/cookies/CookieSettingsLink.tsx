import { useTranslation } from 'react-i18next';
import { openCookieSettings } from './cookieSettingsStore';
import './cookie-consent.css';

/** "Cookie 设置" in the footer of every page: the choice can be changed, or withdrawn, at any time (R-USE-3). */
export function CookieSettingsLink() {
  const { t } = useTranslation();
  return (
    <button type="button" className="cookie-settings-link" aria-haspopup="dialog" onClick={openCookieSettings} data-testid="footer-cookie-settings">
      {t('footer.cookieSettings')}
    </button>
  );
}
