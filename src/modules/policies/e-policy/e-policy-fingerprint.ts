import { blindIndex } from '../../../privacy/crypto/blind-index.ts';
import type { Keyring } from '../../../privacy/crypto/keyring.ts';
import type { EPolicyModel, EPolicyVariant } from './e-policy-model.ts';

/**
 * Raise it when what a model looks like on paper changes (draw-*.ts, pdf-layout.ts, the fonts):
 * every kept document then has an old fingerprint and is made again on its next open.
 */
const E_POLICY_LAYOUT_VERSION = 1;

/**
 * What a kept e-policy PDF is a rendering of: a keyed hash (the blind-index key) of the layout, the
 * variant and everything the model prints. A change of dates, the premium as it stands, a catalogue
 * edit of names or cover, the insured's details — anything the PDF shows — changes the model and so
 * the fingerprint, and the next open renders a new document: nothing else has to invalidate it. Keyed
 * because the model is personal information: a plain hash of guessable names and dates could be
 * confirmed by anyone holding a copy of the table.
 */
export function ePolicyFingerprint(keyring: Keyring, model: EPolicyModel, variant: EPolicyVariant): string {
  // The model is built in a fixed key order by ePolicyModelOf, so the same content serialises the same.
  return blindIndex(keyring, 'e_policy_document', `${E_POLICY_LAYOUT_VERSION}\u0000${variant}\u0000${JSON.stringify(model)}`);
}
