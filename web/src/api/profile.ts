import type { IdDocumentType } from '../../../src/shared/identity-documents.ts';
import type { Gender } from '../../../src/shared/profile-fields.ts';
import { apiRequest } from './client';
import type { CodeRequested } from './types';

export interface ProfileChange {
  at: string;
  fields: string[];
  by: 'self' | 'staff' | 'system';
  channel: 'web' | 'console' | 'api';
}

/** The signed-in customer's 个人信息: the document number and the phone only masked. */
export interface Profile {
  name: string | null;
  gender: Gender | null;
  company: string | null;
  idDocument: { type: IdDocumentType; issuingCountry: string | null; numberMasked: string } | null;
  email: string | null;
  address: string | null;
  otherInfo: string | null;
  phoneMasked: string;
  sensitivePiConsent: { granted: boolean; notice: { version: number; text: string } };
  updatedAt: string | null;
  changes: ProfileChange[];
}

/** Only the fields present change; null clears one. */
export interface ProfileEdit {
  name?: string | null;
  gender?: Gender | null;
  company?: string | null;
  idDocument?: { type: IdDocumentType; number: string; issuingCountry?: string | null } | null;
  email?: string | null;
  address?: string | null;
  otherInfo?: string | null;
  sensitivePiConsent?: { version: number };
}

export function fetchProfile(signal?: AbortSignal): Promise<Profile> {
  return apiRequest<Profile>('/api/site/account/profile', { signal });
}

export function saveProfile(edit: ProfileEdit): Promise<{ changedFields: string[]; profile: Profile }> {
  return apiRequest('/api/site/account/profile', { method: 'POST', body: edit });
}

export function requestPhoneChangeCodes(newPhone: string): Promise<{ newPhone: CodeRequested; currentPhone: CodeRequested }> {
  return apiRequest('/api/site/account/profile/phone/codes', { method: 'POST', body: { newPhone } });
}

export function changePhone(body: { newPhone: string; currentPhoneCode: string; newPhoneCode: string }): Promise<{ phoneMasked: string; otherSessionsEnded: number }> {
  return apiRequest('/api/site/account/profile/phone', { method: 'POST', body });
}

export function requestRevealCode(): Promise<CodeRequested> {
  return apiRequest('/api/site/account/profile/id-document/reveal-code', { method: 'POST' });
}

export function revealIdNumber(code: string): Promise<{ type: IdDocumentType; number: string; issuingCountry: string | null }> {
  return apiRequest('/api/site/account/profile/id-document/reveal', { method: 'POST', body: { code } });
}
