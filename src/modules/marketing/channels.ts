import type { ConsentChannel } from '../../shared/consents.ts';
import { consentOfChannel, type MarketingPurpose } from '../../shared/marketing.ts';

/** Where a withdrawal through an unsubscribe link came from, as the consent record names it. */
export const linkChannelOf: Record<MarketingPurpose, ConsentChannel> = {
  marketing_sms: 'sms_link',
  marketing_email: 'email_link',
  marketing_in_app: 'web',
};

export function isMarketingPurpose(value: string): value is MarketingPurpose {
  return Object.values(consentOfChannel).includes(value as MarketingPurpose);
}
