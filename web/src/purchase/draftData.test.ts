import { describe, expect, it } from 'vitest';
import { emptyApplicantForm, type TripForm } from './applicationForm';
import { draftOf, restoreDraft } from './draftData';
import { prefilledHolder } from './prefillFromProfile';
import { timeLeft } from './timeLeft';

const trip: TripForm = { plan: 'standard', destinations: ['FR'], startDate: '2030-02-01', endDate: '2030-02-10', ages: [40], occupationClass: null };

function filledForm() {
  const form = emptyApplicantForm(1);
  form.holder = { ...form.holder, name: '张三', idDocument: { type: 'resident_id', number: '110101198503071234', issuingCountry: 'CN' }, phone: '13812345678' };
  form.insured[0] = { ...form.insured[0]!, person: { ...form.insured[0]!.person, passportNumber: 'E12345678', namePinyin: 'ZHANG SAN' }, healthAnswers: { q1: false } };
  return form;
}

describe('drafts of the purchase form', () => {
  it('R-POL-4 R-RGT-4 without the sensitive-PI consent a draft keeps no document number and no health answer', () => {
    const draft = draftOf(trip, filledForm(), { keepSensitive: false });
    const text = JSON.stringify(draft);
    expect(text).not.toContain('110101198503071234');
    expect(text).not.toContain('E12345678');
    expect(draft.form.insured[0]?.healthAnswers).toEqual({});
    expect(draft.form.holder.name).toBe('张三');
    expect(JSON.stringify(draftOf(trip, filledForm(), { keepSensitive: true }))).toContain('110101198503071234');
  });

  it('R-POL-4 a saved draft comes back as it was typed; anything else is refused or filled with empty boxes', () => {
    const saved = JSON.parse(JSON.stringify(draftOf(trip, filledForm(), { keepSensitive: true }))) as unknown;
    const restored = restoreDraft(saved, { ...trip, destinations: [] });
    expect(restored?.trip).toEqual(trip);
    expect(restored?.form.holder.idDocument.number).toBe('110101198503071234');
    expect(restored?.form.insured[0]?.person.namePinyin).toBe('ZHANG SAN');
    expect(restored?.form.insured[0]?.healthAnswers).toEqual({ q1: false });
    expect(restoreDraft({ version: 2 }, trip)).toBeNull();
    expect(restoreDraft('nonsense', trip)).toBeNull();
    const odd = restoreDraft({ version: 1, trip: { plan: 7, ages: [30, 'x'] }, form: { holderKind: 'robot', holder: { name: ['x'] }, insured: 'none' } }, trip);
    expect(odd?.trip.plan).toBe('standard');
    expect(odd?.trip.ages).toEqual([30]);
    expect(odd?.form.holderKind).toBe('person');
    expect(odd?.form.holder.name).toBe('');
    expect(odd?.form.insured).toHaveLength(1);
  });

  it('R-POL-4 a customer’s profile fills only empty boxes the product asks, never a document number', () => {
    const holder = emptyApplicantForm(1).holder;
    const profile = { name: '张三', email: 'z@example.cn', idDocument: { type: 'passport' as const, issuingCountry: 'HK', numberMasked: 'E1******8' } };
    const filled = prefilledHolder(holder, profile, ['name', 'id_number', 'phone']);
    expect(filled).toMatchObject({ name: '张三', email: '', idDocument: { type: 'passport', number: '', issuingCountry: 'HK' } });
    expect(prefilledHolder({ ...holder, name: '李四' }, profile, ['name']).name).toBe('李四');
  });

  it('R-POL-8 the time left to pay counts down to the deadline and then stops', () => {
    const deadline = '2030-01-01T00:30:00.000Z';
    expect(timeLeft(deadline, Date.parse('2030-01-01T00:00:00.000Z'))).toBe('30:00');
    expect(timeLeft(deadline, Date.parse('2030-01-01T00:29:05.500Z'))).toBe('0:55');
    expect(timeLeft(deadline, Date.parse('2030-01-01T00:30:00.000Z'))).toBeNull();
    expect(timeLeft('not a date', 0)).toBeNull();
  });
});
