import { describe, expect, it } from 'vitest';
import { agreementState, receivesData } from './agreementState';

const today = '2025-06-15';
const signed = { agreementReference: 'DPA-2025-001', agreementSignedOn: '2025-01-01', agreementExpiresOn: '2026-01-01' };

describe('agreementState', () => {
  it('needs both a reference and a signing date', () => {
    expect(agreementState({ ...signed, agreementReference: null }, today)).toEqual({ kind: 'missing' });
    expect(agreementState({ ...signed, agreementReference: '' }, today)).toEqual({ kind: 'missing' });
    expect(agreementState({ ...signed, agreementSignedOn: null }, today)).toEqual({ kind: 'missing' });
  });

  it('is not in force before it is signed or after it ends', () => {
    expect(agreementState({ ...signed, agreementSignedOn: '2025-06-16' }, today)).toEqual({ kind: 'not_yet', from: '2025-06-16' });
    expect(agreementState({ ...signed, agreementExpiresOn: '2025-06-14' }, today)).toEqual({ kind: 'expired', on: '2025-06-14' });
  });

  it('is in force on its first and last day', () => {
    expect(agreementState({ ...signed, agreementSignedOn: today }, today).kind).toBe('in_force');
    expect(agreementState({ ...signed, agreementExpiresOn: today }, today)).toEqual({ kind: 'expiring', on: today, days: 0 });
  });

  it('warns a month before the end and never ends without an expiry date', () => {
    expect(agreementState({ ...signed, agreementExpiresOn: '2025-07-15' }, today)).toEqual({ kind: 'expiring', on: '2025-07-15', days: 30 });
    expect(agreementState({ ...signed, agreementExpiresOn: '2025-07-16' }, today)).toEqual({ kind: 'in_force', until: '2025-07-16' });
    expect(agreementState({ ...signed, agreementExpiresOn: null }, today)).toEqual({ kind: 'in_force', until: null });
  });
});

describe('receivesData', () => {
  it('only for an active recipient with an agreement in force', () => {
    expect(receivesData({ ...signed, status: 'active' }, today)).toBe(true);
    expect(receivesData({ ...signed, status: 'suspended' }, today)).toBe(false);
    expect(receivesData({ ...signed, agreementSignedOn: null, status: 'active' }, today)).toBe(false);
  });
});
