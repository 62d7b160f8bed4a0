import { randomBytes } from 'node:crypto';
import { inTransaction } from '../../db/transaction.ts';
import type { Db, DbOrTx } from '../../db/types.ts';
import type { Ctx } from '../access/context.ts';
import { effectiveVersion } from '../notices/effective-version.ts';
import { consentKeyOf, type ConsentPurposeKey } from './consent-purposes.ts';
import { isDecisionCurrent, type ConsentCookie } from './cookies/consent-cookie.ts';
import { optionalCookieCategories, type CookieChoice, type OptionalCookieCategory } from './cookies/cookie-catalogue.ts';
import { cookieConsentText, type ConsentLanguage, type ConsentSurface } from './cookies/consent-text.ts';
import { currentConsents, recordConsent, type ConsentSubject } from './record-consent.ts';

/** What the site needs to know about this browser's cookie choice (R-USE-3). */
export interface CookieConsentState {
  /** The cookie-policy version in effect now; null while none has been published. */
  policyVersion: number | null;
  /** True on a first visit and after a newer cookie-policy version took effect: show the banner. */
  needsDecision: boolean;
  /** The choice in force, or null when there is none for the current version (nothing optional allowed). */
  choice: CookieChoice | null;
}

const purposeOf: Record<OptionalCookieCategory, ConsentPurposeKey> = {
  preferences: 'cookies_preferences',
  analytics: 'cookies_analytics',
  marketing: 'cookies_marketing',
};

/** The state of a browser from its bt_consent cookie, against the cookie policy in effect. */
export async function readCookieConsent(db: DbOrTx, cookie: ConsentCookie | null): Promise<CookieConsentState> {
  const policyVersion = (await effectiveVersion(db, 'cookie_policy'))?.version ?? null;
  const isCurrent = isDecisionCurrent(cookie, policyVersion);
  return { policyVersion, needsDecision: !isCurrent, choice: isCurrent ? cookie.choice : null };
}

export interface CookieDecisionInput {
  /** The visitor id of the browser's bt_consent cookie, if it has one. */
  visitorId: string | null;
  choice: CookieChoice;
  language: ConsentLanguage;
  surface: ConsentSurface;
}

/**
 * Records a cookie choice: one consent record per optional category (accepted, declined, or
 * withdrawn when it had been given) with the cookie-policy version in effect and the hash of the
 * exact text the person answered, all in one transaction with their audit entries. The subject is
 * the signed-in customer, else the browser's anonymous visitor id (a new one on the first decision).
 * Returns the new bt_consent cookie value and the resulting state.
 */
export async function decideCookieConsent(ctx: Ctx, input: CookieDecisionInput, deps: { db: Db }): Promise<{ cookie: ConsentCookie; state: CookieConsentState }> {
  const visitorId = input.visitorId ?? newVisitorId();
  const subject: ConsentSubject = ctx.actor.type === 'customer' ? { type: 'customer', id: ctx.actor.id } : { type: 'visitor', id: visitorId };
  const text = cookieConsentText(input.language, input.surface);
  const policyVersion = await inTransaction(deps.db, async (tx) => {
    const version = (await effectiveVersion(tx, 'cookie_policy'))?.version ?? null;
    const matters = optionalCookieCategories.map((category) => ({ purpose: purposeOf[category] }));
    const before = await currentConsents(tx, subject.id, matters);
    for (const category of optionalCookieCategories) {
      const matter = { purpose: purposeOf[category] };
      const wasGranted = before.get(consentKeyOf(matter))?.granted === true;
      const action = input.choice[category] ? 'accepted' : wasGranted ? 'withdrawn' : 'declined';
      await recordConsent(ctx, tx, { subject, matter, version, text, action, channel: 'web' });
    }
    return version;
  });
  const cookie = { visitorId, policyVersion: policyVersion ?? 0, choice: { ...input.choice } };
  return { cookie, state: { policyVersion, needsDecision: false, choice: cookie.choice } };
}

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** `vis_` and 26 random characters (130 bits): nothing about the person or the time of the visit. */
export function newVisitorId(): string {
  let id = '';
  for (const byte of randomBytes(26)) id += ALPHABET[byte % 32];
  return `vis_${id}`;
}
