import type { ApplicantField } from '../../../src/shared/catalogue/terms.ts';
import type { Profile } from '../api/profile';
import type { PersonForm } from './applicationForm';

/**
 * The boxes of a policyholder that the customer's 个人信息 can fill: only empty ones, only fields the
 * product asks. The document number is shown masked there and cannot fill anything: only its type does.
 */
export function prefilledHolder(holder: PersonForm, profile: Pick<Profile, 'name' | 'email' | 'idDocument'>, asked: readonly ApplicantField[]): PersonForm {
  const next = { ...holder, idDocument: { ...holder.idDocument } };
  if (asked.includes('name') && !holder.name && profile.name) next.name = profile.name;
  if (asked.includes('email') && !holder.email && profile.email) next.email = profile.email;
  if (asked.includes('id_number') && !holder.idDocument.number && profile.idDocument) {
    next.idDocument.type = profile.idDocument.type;
    if (profile.idDocument.issuingCountry) next.idDocument.issuingCountry = profile.idDocument.issuingCountry;
  }
  return next;
}

/** Would the profile fill anything at all? */
export function canPrefill(profile: Pick<Profile, 'name' | 'email' | 'idDocument'>): boolean {
  return Boolean(profile.name || profile.email || profile.idDocument);
}
