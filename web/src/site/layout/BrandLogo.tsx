import { SafetyCertificateFilled } from '@ant-design/icons';
import { Link } from 'react-router';

/** Text logo; the mark is decorative, the accessible name is the brand text itself. */
export function BrandLogo({ to = '/', suffix }: { to?: string; suffix?: string }) {
  return (
    <Link to={to} className="brand-logo">
      <SafetyCertificateFilled className="brand-logo__mark" aria-hidden />
      <span className="brand-logo__text">Besttrav</span>
      {suffix ? <span className="brand-logo__suffix">{suffix}</span> : null}
    </Link>
  );
}
