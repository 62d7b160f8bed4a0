import type { ConsentChannel } from '../../shared/consents.ts';
import type { CampaignChannel } from './schema.ts';

/** The consent each channel needs (R-USE-2: per channel, so one can be switched off alone). */
export const consentOfChannel = {
  sms: 'marketing_sms',
  email: 'marketing_email',
  in_app: 'marketing_in_app',
} as const satisfies Record<CampaignChannel, string>;

export type MarketingPurpose = (typeof consentOfChannel)[CampaignChannel];

/** Where a withdrawal through an unsubscribe link came from, as the consent record names it. */
export const linkChannelOf: Record<MarketingPurpose, ConsentChannel> = {
  marketing_sms: 'sms_link',
  marketing_email: 'email_link',
  marketing_in_app: 'web',
};

export function isMarketingPurpose(value: string): value is MarketingPurpose {
  return Object.values(consentOfChannel).includes(value as MarketingPurpose);
}
