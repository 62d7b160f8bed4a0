import { apiRequest } from './client';
import type { CodeRequested } from './types';

export type AgeStanding = 'unknown' | 'at_least_14' | 'child_with_guardian' | 'child_awaiting_guardian';
export type GuardianRelationship = 'father' | 'mother' | 'other_guardian';

export interface AgeInfo {
  standing: AgeStanding;
  guardianConsent: { version: number; text: string };
}

export function fetchAgeInfo(signal?: AbortSignal): Promise<AgeInfo> {
  return apiRequest<AgeInfo>('/api/site/account/age', { signal });
}

export function declareAge(ageGroup: 'at_least_14' | 'under_14'): Promise<{ standing: AgeStanding }> {
  return apiRequest<{ standing: AgeStanding }>('/api/site/account/age', { method: 'POST', body: { ageGroup } });
}

export function requestGuardianCode(guardianPhone: string): Promise<CodeRequested> {
  return apiRequest<CodeRequested>('/api/site/account/guardian/code', { method: 'POST', body: { guardianPhone } });
}

export function giveGuardianConsent(body: { guardianPhone: string; code: string; relationship: GuardianRelationship; agreed: boolean; version: number }): Promise<void> {
  return apiRequest<void>('/api/site/account/guardian/consent', { method: 'POST', body });
}

export interface ChildErasure {
  erased: Record<string, number>;
  held: number;
  accountAnonymised: boolean;
}

/** R-MIN-2: the PI-protection officer erases a child's data collected without a guardian's consent. */
export function eraseUnconsentedChildData(customerId: string, reason: string): Promise<ChildErasure> {
  return apiRequest<ChildErasure>('/api/console/minors/erase', { method: 'POST', body: { customerId, reason } });
}
