// Shared by the server and the web app (bundled by Vite): no Node or DOM imports here.

/**
 * The vocabulary of marketing (R-USE-2): the channels and states of a campaign, the consent each
 * channel needs, the limits of what operations write, and what the person's pages show.
 */

export const campaignChannels = ['sms', 'email', 'in_app'] as const;
export type CampaignChannel = (typeof campaignChannels)[number];
export const campaignStatuses = ['draft', 'queued', 'sending', 'sent', 'failed'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

/** The consent each channel needs (per channel, so one can be switched off alone). */
export const consentOfChannel = {
  sms: 'marketing_sms',
  email: 'marketing_email',
  in_app: 'marketing_in_app',
} as const satisfies Record<CampaignChannel, string>;

export type MarketingPurpose = (typeof consentOfChannel)[CampaignChannel];

/** What operations write: one channel, a title and a text in both languages. */
export interface CampaignInput {
  channel: CampaignChannel;
  titleZh: string;
  titleEn: string;
  textZh: string;
  textEn: string;
}

export const CAMPAIGN_TITLE_MAX = 100;
export const CAMPAIGN_TEXT_MAX = 2000;
/** An SMS carries its text and the unsubscribe link in one message: the text is kept short. */
export const SMS_TEXT_MAX = 300;

/** One in-app marketing message on 站内消息. `Time` is a Date on the server and an ISO 8601 string in the JSON. */
export interface MyMessage<Time = string> {
  id: string;
  title: string;
  text: string;
  at: Time;
  isRead: boolean;
}

export interface UnsubscribeResult {
  purpose: MarketingPurpose;
  /** `withdrawn`: this click withdrew the consent; `already_withdrawn`: it was not in force. */
  outcome: 'withdrawn' | 'already_withdrawn';
}
