import { describe, expect, it } from 'vitest';
import type { Recipient } from '../api/types';
import { recipientFieldsOf, recipientInputOf } from './recipientForm';

const existing: Recipient = {
  id: 'rcp_1',
  name: '某短信服务商',
  type: 'sms_provider',
  integration: 'sms.aliyun',
  country: 'CN',
  purposes: ['account'],
  categories: ['contact.phone'],
  agreementReference: null,
  agreementSignedOn: null,
  agreementExpiresOn: null,
  status: 'active',
  createdAt: '2025-01-01T00:00:00Z',
};

describe('recipient form', () => {
  it('sends empty optional fields as null and trims the rest', () => {
    const fields = { ...recipientFieldsOf(null), name: '  某保险公司 ', type: 'insurer', purposes: ['policy_service'], categories: ['contact.phone'], agreementReference: ' DPA-1 ' };
    expect(recipientInputOf(fields, null)).toEqual({
      name: '某保险公司',
      type: 'insurer',
      integration: null,
      country: 'CN',
      purposes: ['policy_service'],
      categories: ['contact.phone'],
      agreementReference: 'DPA-1',
      agreementSignedOn: null,
      agreementExpiresOn: null,
    });
  });

  it('round-trips an existing recipient', () => {
    const { id: _id, status: _status, createdAt: _createdAt, ...input } = existing;
    expect(recipientInputOf(recipientFieldsOf(existing), existing)).toEqual(input);
  });
});
