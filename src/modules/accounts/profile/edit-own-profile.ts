import { sql } from 'drizzle-orm';
import { inTransaction } from '../../../db/transaction.ts';
import type { Db } from '../../../db/types.ts';
import { AppError, type FieldProblem } from '../../../errors/app-error.ts';
import type { Language } from '../../../errors/error-codes.ts';
import type { Ctx } from '../../../privacy/access/context.ts';
import { purposeNotice } from '../../../privacy/consent/purpose-notices.ts';
import { hasConsent, recordConsent } from '../../../privacy/consent/record-consent.ts';
import type { Keyring } from '../../../privacy/crypto/keyring.ts';
import { birthDateOf, idProblemText, validateIdDocument, type IdDocumentInput } from '../../../shared/identity-documents.ts';
import { ageStandingOf } from '../../minors/age-standing.ts';
import { ageGroupOf, recordAgeGroup } from '../../minors/record-age-group.ts';
import { checkProfileText, genderMismatchText, PROFILE_TEXT_FIELDS, profileTextProblemText, type Gender } from '../../../shared/profile-fields.ts';
import { recordProfileChange } from './profile-history.ts';
import { activeCustomerId } from '../read-own-account.ts';
import { PROFILE_FIELDS, readProfileValues, sameValue, sealProfileValues, type ProfileField, type ProfileValues } from './profile-record.ts';
import { customerProfiles, type ProfileChangeChannel } from './schema.ts';

/** Only the fields present change; null (or an empty text) clears a field. */
export interface ProfileEdit {
  name?: string | null;
  gender?: Gender | null;
  company?: string | null;
  idDocument?: IdDocumentInput | null;
  email?: string | null;
  address?: string | null;
  otherInfo?: string | null;
  /** The person ticked the box that showed this version of the sensitive_pi wording. */
  sensitivePiConsent?: { version: number };
}

/**
 * Saves what the signed-in customer changed on the 个人信息 page (R-ACC-4). Every field is checked
 * first and every problem reported at once, per field, in the person's language; on any problem
 * nothing is stored. An identity document is sensitive: it is kept only with the person's separate
 * consent `sensitive_pi`, given at this moment (the box they ticked, recorded with the wording
 * shown) or earlier — without it the save is refused, while every other field works without it.
 * The change, the history entry (field names only) and the audit entry commit together.
 */
export async function editOwnProfile(
  ctx: Ctx,
  input: ProfileEdit,
  options: { language: Language; channel: ProfileChangeChannel },
  deps: { db: Db; keyring: Keyring },
): Promise<{ changedFields: ProfileField[] }> {
  const { language } = options;
  const customerId = await activeCustomerId(ctx, deps.db);
  const { values: current } = await readProfileValues(ctx, deps, customerId);
  const { next, problems } = checkEdit(input, current, language);
  if (problems.length > 0) throw new AppError('profile_invalid', `Profile edit refused: ${problems.length} field problem(s)`, { errors: problems });

  const changed = PROFILE_FIELDS.filter((field) => next[field] !== undefined && !sameValue(next[field] ?? null, current[field]));
  const notice = purposeNotice('sensitive_pi', language);
  let recordsConsent = false;
  if (changed.includes('idDocument') && next.idDocument && !(await hasConsent(deps.db, customerId, { purpose: 'sensitive_pi' }, notice.version))) {
    // A box ticked under another wording (the text changed since the page loaded) is not consent to this one.
    if (input.sensitivePiConsent?.version !== notice.version) throw new AppError('sensitive_pi_consent_required', 'Identity document refused without sensitive_pi consent');
    recordsConsent = true;
  }
  if (changed.length === 0) return { changedFields: [] };
  if (changed.includes('idDocument') && next.idDocument) await refuseChildWithoutGuardian(ctx, deps, customerId, next.idDocument);

  const changes = Object.fromEntries(changed.map((field) => [field, next[field]])) as Partial<ProfileValues>;
  const sealed = sealProfileValues(deps.keyring, customerId, changes);
  await inTransaction(deps.db, async (tx) => {
    if (recordsConsent) {
      await recordConsent(ctx, tx, {
        subject: { type: 'customer', id: customerId },
        matter: { purpose: 'sensitive_pi' },
        version: notice.version,
        text: notice.text,
        action: 'accepted',
        channel: options.channel,
      });
    }
    await tx.insert(customerProfiles).values({ id: customerId, ...sealed }).onConflictDoUpdate({ target: customerProfiles.id, set: { ...sealed, updatedAt: sql`now()` } });
    await recordProfileChange(tx, ctx, { customerId, fields: changed, channel: options.channel, record: `customer_profiles/${customerId}` });
  });
  return { changedFields: changed };
}

/** The normalised new values and every problem, each pointed at its field of the request body. */
function checkEdit(input: ProfileEdit, current: ProfileValues, language: Language): { next: Partial<ProfileValues>; problems: FieldProblem[] } {
  const next: Partial<ProfileValues> = {};
  const problems: FieldProblem[] = [];
  for (const field of PROFILE_TEXT_FIELDS) {
    const raw = input[field];
    if (raw === undefined) continue;
    const checked = checkProfileText(field, raw ?? '');
    if (checked.isValid) next[field] = checked.value;
    else problems.push({ pointer: `/body/${field}`, detail: profileTextProblemText(field, checked.problem, language) });
  }
  if (input.gender !== undefined) next.gender = input.gender;
  const gender = next.gender === undefined ? current.gender : next.gender;

  if (input.idDocument === null) {
    next.idDocument = null;
  } else if (input.idDocument !== undefined) {
    const result = validateIdDocument(input.idDocument, { stated: { sex: gender } });
    if (result.isValid) {
      const { type, number, issuingCountry } = result.document;
      next.idDocument = { type, number, issuingCountry };
    } else {
      const pointer = result.problem === 'country_invalid' ? '/body/idDocument/issuingCountry' : '/body/idDocument/number';
      problems.push({ pointer, detail: idProblemText(result.problem, input.idDocument.type, language) });
    }
  } else if (input.gender && current.idDocument) {
    // A new gender must agree with the document already saved, whose number the page only shows masked.
    const saved = validateIdDocument(current.idDocument, { stated: { sex: input.gender } });
    if (!saved.isValid && saved.problem === 'sex_mismatch') problems.push({ pointer: '/body/gender', detail: genderMismatchText[language] });
  }
  return { next, problems };
}

/**
 * R-MIN-1: an ID number that shows a child under 14 makes the account a child's (the band is kept,
 * encrypted, and the account restricted), and the number itself is not stored unless a guardian has
 * consented — it would be a child's data collected without that consent.
 */
async function refuseChildWithoutGuardian(ctx: Ctx, deps: { db: Db; keyring: Keyring }, customerId: string, document: NonNullable<ProfileValues['idDocument']>): Promise<void> {
  const birthDate = document.type === 'resident_id' || document.type === 'hmt_residence_permit' ? birthDateOf(document.number) : null;
  if (!birthDate || ageGroupOf(birthDate) !== 'under_14') return;
  const standing = await ageStandingOf({ ...ctx, purpose: 'account' }, deps, customerId);
  if (standing === 'child_with_guardian') return;
  await recordAgeGroup({ ...ctx, purpose: 'account' }, deps, customerId, 'under_14', 'id_number');
  throw new AppError('guardian_consent_required', 'ID number of a child under 14 without guardian consent');
}
