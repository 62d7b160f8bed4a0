import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { secretGroups } from '../secretGroups';
import './secret.css';

/**
 * What a person needs to add the account to an authenticator app: the QR code, and the setup key for
 * typing by hand. The key is spaced into groups by CSS only, so copying it gives the exact key.
 */
export function TotpEnrollment({ qrDataUrl, secret }: { qrDataUrl: string; secret: string }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="totp-enrollment__qr">
        <img src={qrDataUrl} alt={t('console.signIn.qrAlt')} width={200} height={200} data-testid="totp-qr" />
      </div>
      <Typography.Paragraph className="totp-enrollment__manual">{t('console.signIn.manual')}</Typography.Paragraph>
      <Typography.Paragraph copyable={{ text: secret, tooltips: [t('console.signIn.copySecret'), t('console.signIn.copied')] }} className="secret-copy">
        <span className="console-secret" data-testid="totp-secret" translate="no">
          {secretGroups(secret).map((group, index) => (
            <span key={index} className="console-secret__group">
              {group}
            </span>
          ))}
        </span>
      </Typography.Paragraph>
    </>
  );
}
