import type { Db } from '../../../db/types.ts';
import type { Language } from '../../../errors/error-codes.ts';
import type { Ctx } from '../../../privacy/access/context.ts';
import { maskIdNumber } from '../../../privacy/access/masking.ts';
import { purposeNotice } from '../../../privacy/consent/purpose-notices.ts';
import { hasConsent } from '../../../privacy/consent/record-consent.ts';
import type { Keyring } from '../../../privacy/crypto/keyring.ts';
import type { IdDocumentType } from '../../../shared/identity-documents.ts';
import type { Gender } from '../../../shared/profile-fields.ts';
import { maskMobile } from '../phone.ts';
import { readOwnAccount } from '../read-own-account.ts';
import { listProfileChanges, type ProfileChange } from './list-profile-changes.ts';
import { readProfileValues } from './profile-record.ts';

export interface OwnProfile {
  name: string | null;
  gender: Gender | null;
  company: string | null;
  /** The document number only masked: showing it in full needs a fresh SMS code (revealIdNumber). */
  idDocument: { type: IdDocumentType; issuingCountry: string | null; numberMasked: string } | null;
  email: string | null;
  address: string | null;
  otherInfo: string | null;
  phoneMasked: string;
  /** The separate consent an identity document needs, and the wording to show when asking for it. */
  sensitivePiConsent: { granted: boolean; notice: { version: number; text: string } };
  updatedAt: Date | null;
  /** The edit history: which fields changed, when and by whom, never the values. */
  changes: ProfileChange[];
}

/**
 * The signed-in customer's 个人信息 (R-ACC-4), decrypted for the purpose `account`. The identity
 * document's number and the phone are masked even for their owner: a page left open, a screenshot
 * or someone looking over a shoulder should not get them.
 */
export async function viewOwnProfile(ctx: Ctx, language: Language, deps: { db: Db; keyring: Keyring }): Promise<OwnProfile> {
  const { customer, phone } = await readOwnAccount(ctx, deps);
  const customerId = customer.id;
  const { values, updatedAt } = await readProfileValues(ctx, deps, customerId);
  const notice = purposeNotice('sensitive_pi', language);
  const { idDocument, ...rest } = values;
  return {
    ...rest,
    idDocument: idDocument ? { type: idDocument.type, issuingCountry: idDocument.issuingCountry, numberMasked: maskIdNumber(idDocument.number) } : null,
    phoneMasked: maskMobile(phone),
    sensitivePiConsent: { granted: await hasConsent(deps.db, customerId, { purpose: 'sensitive_pi' }, notice.version), notice: { version: notice.version, text: notice.text } },
    updatedAt,
    changes: await listProfileChanges(deps.db, customerId),
  };
}
