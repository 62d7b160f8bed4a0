import type { Recipient, RecipientInput } from '../api/types';

/** The recipient form's values: text inputs hold "" where the API wants null. */
export interface RecipientFields {
  name: string;
  type: string | undefined;
  integration: string;
  purposes: string[];
  categories: string[];
  agreementReference: string;
  agreementSignedOn: string;
  agreementExpiresOn: string;
}

// Recipients abroad need a cross-border assessment first (PIPL ch. III); the form registers China only.
export const RECIPIENT_COUNTRY = 'CN';

export function recipientFieldsOf(recipient: Recipient | null): RecipientFields {
  return {
    name: recipient?.name ?? '',
    type: recipient?.type,
    integration: recipient?.integration ?? '',
    purposes: recipient?.purposes ?? [],
    categories: recipient?.categories ?? [],
    agreementReference: recipient?.agreementReference ?? '',
    agreementSignedOn: recipient?.agreementSignedOn ?? '',
    agreementExpiresOn: recipient?.agreementExpiresOn ?? '',
  };
}

/** The API body: trimmed, "" sent as null; an existing recipient keeps the country it was registered with. */
export function recipientInputOf(fields: RecipientFields, existing: Recipient | null): RecipientInput {
  const optional = (value: string) => {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  };
  return {
    name: fields.name.trim(),
    type: fields.type ?? '',
    integration: optional(fields.integration),
    country: existing?.country ?? RECIPIENT_COUNTRY,
    purposes: fields.purposes,
    categories: fields.categories,
    agreementReference: optional(fields.agreementReference),
    agreementSignedOn: optional(fields.agreementSignedOn),
    agreementExpiresOn: optional(fields.agreementExpiresOn),
  };
}
