import type { ApplicantForm, BeneficiaryForm, DocumentForm, InsuredForm, PersonForm, TripForm } from './applicationForm';
import { emptyApplicantForm, emptyBeneficiary, emptyDocument, emptyInsured, emptyPerson } from './applicationForm';

/** What a signed-in customer's draft keeps of the purchase page: the trip and the form as typed. */
export interface PurchaseDraft {
  version: 1;
  trip: TripForm;
  form: ApplicantForm;
}

/**
 * The draft to save. Document numbers and health answers are sensitive (PIPL art. 28): they are kept
 * only when the customer's sensitive-PI consent is in force, otherwise left out (the server would
 * refuse them).
 */
export function draftOf(trip: TripForm, form: ApplicantForm, options: { keepSensitive: boolean }): PurchaseDraft {
  if (options.keepSensitive) return { version: 1, trip, form };
  const document = (value: DocumentForm): DocumentForm => ({ ...value, number: '' });
  const person = (value: PersonForm): PersonForm => ({ ...value, idDocument: document(value.idDocument), passportNumber: '' });
  return {
    version: 1,
    trip,
    form: {
      ...form,
      holder: person(form.holder),
      insured: form.insured.map((insured) => ({
        ...insured,
        person: person(insured.person),
        beneficiaries: insured.beneficiaries.map((beneficiary) => ({ ...beneficiary, idDocument: document(beneficiary.idDocument) })),
        healthAnswers: {},
      })),
    },
  };
}

type Loose = Record<string, unknown>;
const recordOf = (value: unknown): Loose => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : {});
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Fields of `fallback` taken from `saved` where they have the same kind of value: a draft from an older page never breaks the form. */
function merged<T extends object>(fallback: T, saved: unknown): T {
  const source = recordOf(saved);
  const result: Loose = { ...(fallback as Loose) };
  for (const [key, value] of Object.entries(fallback)) {
    const candidate = source[key];
    if (candidate === undefined) continue;
    const isSameKind = value === null ? candidate === null || typeof candidate === 'number' : typeof candidate === typeof value && Array.isArray(candidate) === Array.isArray(value);
    if (isSameKind) result[key] = candidate;
  }
  return result as T;
}

function restorePerson(saved: unknown): PersonForm {
  const person = merged(emptyPerson(), saved);
  return { ...person, idDocument: merged(emptyDocument(), recordOf(saved).idDocument) };
}

function restoreInsured(saved: unknown): InsuredForm {
  const insured = merged(emptyInsured(), saved);
  const source = recordOf(saved);
  const beneficiaries = listOf(source.beneficiaries).map((entry): BeneficiaryForm => {
    const beneficiary = merged(emptyBeneficiary(), entry);
    return { ...beneficiary, key: emptyBeneficiary().key, idDocument: merged(emptyDocument(), recordOf(entry).idDocument) };
  });
  const answers = Object.fromEntries(Object.entries(recordOf(source.healthAnswers)).filter(([, answer]) => typeof answer === 'boolean')) as Record<string, boolean>;
  return { ...insured, key: emptyInsured().key, person: restorePerson(source.person), beneficiaries, healthAnswers: answers };
}

/** The trip and form of a saved draft, filled out with empty boxes where it says nothing; null for something else. */
export function restoreDraft(data: unknown, fallbackTrip: TripForm): { trip: TripForm; form: ApplicantForm } | null {
  const draft = recordOf(data);
  if (draft.version !== 1) return null;
  const trip = merged(fallbackTrip, draft.trip);
  const savedForm = recordOf(draft.form);
  const fallback = emptyApplicantForm(1);
  const insured = listOf(savedForm.insured).map(restoreInsured);
  return {
    trip: { ...trip, ages: trip.ages.filter((age) => age === null || typeof age === 'number') },
    form: {
      holderKind: savedForm.holderKind === 'institution' ? 'institution' : 'person',
      holder: restorePerson(savedForm.holder),
      institution: merged(fallback.institution, savedForm.institution),
      insured: insured.length > 0 ? insured : fallback.insured,
    },
  };
}
