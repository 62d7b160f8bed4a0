// Shared by the server and the web app (bundled by Vite): no Node or DOM imports here.
import type { ApplicationInput, ApplicationProblem, ApplicationRules, InsuredInput, PersonInput, ValidApplication, ValidInsured, ValidPerson, ValidPolicyholder } from './application.ts';
import { checkBeneficiaries, checkHealthAnswers, checkRelationships } from './application-insured.ts';
import { checkInstitution, checkPerson, isGiven, PERSON_KEY_FIELDS, recordOf, refuseUnaskedKeys, textOf, type CheckContext } from './application-person.ts';
import { ProblemList } from './application-problems.ts';
import { addDays, daysOfPeriod } from './calendar-days.ts';
import type { ApplicantField } from './catalogue/terms.ts';
import { ageOn, idDocumentLookupKey, isCalendarDate, todayInBeijing } from './identity-documents.ts';

export interface ValidationOptions {
  /** Today in Beijing ('YYYY-MM-DD'); default the real one. */
  today?: string;
  language: 'zh-CN' | 'en';
}

export interface ApplicationValidation {
  /** Every problem found, each pointing into the input; empty when the application is valid. */
  problems: ApplicationProblem[];
  /** The normalised application, only when there are no problems. */
  application?: ValidApplication;
}

const APPLICATION_KEYS = new Set<string>(['product', 'plan', 'destinations', 'startDate', 'endDate', 'policyholder', 'insured']);
const INSURED_KEYS = new Set<string>(['relationship', 'person', 'beneficiaries', 'healthAnswers']);
const ADULT_AGE = 18;

/**
 * Checks an application (投保, R-POL-4) against what its product asks and allows, with the same rules on
 * the server (which refuses) and the page (which shows them as the person types): every problem at
 * once, each with a JSON pointer, a stable code and a text in the person's language that never
 * repeats a value typed. Covers who may insure whom (R-POL-5: the attestation itself is recorded by
 * the purchase) and the health declaration (R-POL-6).
 */
export function validateApplication(input: ApplicationInput, rules: ApplicationRules, options: ValidationOptions): ApplicationValidation {
  const check: CheckContext = { problems: new ProblemList(options.language), today: options.today ?? todayInBeijing() };
  const raw = recordOf(input);
  refuseUnaskedKeys(raw, (key) => APPLICATION_KEYS.has(key), '', check);
  for (const key of ['product', 'plan'] as const) if (textOf(raw[key]) === '') check.problems.required(`/${key}`);
  const cover = checkCover(raw, rules, check);
  const policyholder = checkPolicyholder(raw.policyholder, rules, check);
  const insured = checkInsuredPersons(raw.insured, rules, policyholder, cover.startDate, check);

  const problems = check.problems.items;
  if (problems.length > 0 || !cover.period || !policyholder || !insured) return { problems };
  const destinations = Array.isArray(raw.destinations) ? { destinations: raw.destinations.map(String) } : {};
  return { problems, application: { product: textOf(raw.product), plan: textOf(raw.plan), ...destinations, ...cover.period, policyholder, insured } };
}

/**
 * The days of cover, both ends included: from tomorrow in Beijing at the earliest (a policy cannot
 * cover what may already have happened today), within the product's days. A fixed term (a year of
 * accident cover) may leave out its last day, which follows from the first.
 */
function checkCover(raw: Record<string, unknown>, rules: CoverRules, check: CheckContext): { startDate?: string; period?: CoverPeriod } {
  const startDate = textOf(raw.startDate).trim();
  if (startDate === '') check.problems.required('/startDate');
  else if (!isCalendarDate(startDate)) check.problems.add('/startDate', 'date_invalid');
  else if (startDate < addDays(check.today, 1)) check.problems.add('/startDate', 'start_date_too_early');
  if (!isCalendarDate(startDate)) return {};
  const period = checkEnd(textOf(raw.endDate).trim(), startDate, rules, check);
  return check.problems.hasAt('/startDate') || !period ? { startDate } : { startDate, period };
}

type CoverRules = Pick<ApplicationRules, 'minDays' | 'maxDays'>;

/**
 * New dates for a trip already insured (a change of dates before cover starts, R-POL-10), by the same
 * rules and with the same problem texts as an application's dates, no later than `latestStartDays`
 * from today and not the dates the policy already has.
 */
export function validateCoverDates(
  input: { startDate: string; endDate: string },
  rules: CoverRules & { latestStartDays: number; current: { startDate: string; endDate: string } },
  options: ValidationOptions,
): { problems: ApplicationProblem[]; period?: CoverPeriod } {
  const check: CheckContext = { problems: new ProblemList(options.language), today: options.today ?? todayInBeijing() };
  const { period } = checkCover({ startDate: input.startDate, endDate: input.endDate }, rules, check);
  if (period && period.startDate > addDays(check.today, rules.latestStartDays)) check.problems.add('/startDate', 'start_date_too_late', { max: rules.latestStartDays });
  if (period && period.startDate === rules.current.startDate && period.endDate === rules.current.endDate) check.problems.add('/endDate', 'dates_unchanged');
  const problems = check.problems.items;
  return problems.length > 0 || !period ? { problems } : { problems, period };
}

export interface CoverPeriod {
  startDate: string;
  endDate: string;
  days: number;
}

function checkEnd(givenEnd: string, startDate: string, rules: CoverRules, check: CheckContext): CoverPeriod | undefined {
  const isFixedTerm = rules.minDays === rules.maxDays;
  if (givenEnd === '' && !isFixedTerm) return void check.problems.required('/endDate');
  const endDate = givenEnd === '' ? addDays(startDate, rules.maxDays - 1) : givenEnd;
  if (!isCalendarDate(endDate)) return void check.problems.add('/endDate', 'date_invalid');
  const days = daysOfPeriod(startDate, endDate);
  if (days < 1) return void check.problems.add('/endDate', 'end_before_start');
  if (days < rules.minDays) return void check.problems.add('/endDate', 'period_too_short', { min: rules.minDays });
  if (days > rules.maxDays) return void check.problems.add('/endDate', 'period_too_long', { max: rules.maxDays });
  return { startDate, endDate, days };
}

function checkPolicyholder(rawPolicyholder: unknown, rules: ApplicationRules, check: CheckContext): ValidPolicyholder | undefined {
  const raw = recordOf(rawPolicyholder);
  if (raw.kind === 'institution') {
    if (!rules.allowsInstitution) return void check.problems.add('/policyholder/kind', 'institution_not_allowed');
    refuseUnaskedKeys(raw, (key) => key === 'kind' || key === 'institution', '/policyholder', check);
    const institution = checkInstitution(raw.institution, '/policyholder/institution', check);
    return institution && { kind: 'institution', institution };
  }
  if (raw.kind !== 'person') return void check.problems.add('/policyholder/kind', 'policyholder_kind_invalid');
  refuseUnaskedKeys(raw, (key) => key === 'kind' || key === 'person', '/policyholder', check);
  const person = checkPerson(raw.person, new Set(rules.policyholderFields), '/policyholder/person', check);
  // A contract needs full civil capacity (民法典 art. 18): someone younger buys through a parent.
  const birthDate = person.birthDate ?? person.idDocument?.birthDate ?? undefined;
  if (birthDate && ageOn(birthDate, check.today) < ADULT_AGE) {
    check.problems.add(person.birthDate ? '/policyholder/person/birthDate' : '/policyholder/person/idDocument/number', 'policyholder_under_18');
  }
  return { kind: 'person', person };
}

/** The person keys the product asks of insured persons that a `self` insured takes from the policyholder. */
function keysFromPolicyholder(rules: ApplicationRules): Set<keyof PersonInput> {
  const both = (field: ApplicantField) => rules.insuredFields.includes(field) && rules.policyholderFields.includes(field);
  return new Set((Object.keys(PERSON_KEY_FIELDS) as Array<keyof PersonInput>).filter((key) => both(PERSON_KEY_FIELDS[key])));
}

/** What the check of each insured person shares with the others. */
interface InsuredContext {
  rules: ApplicationRules;
  check: CheckContext;
  /** A person policyholder, whom a `self` insured is. */
  holder: ValidPerson | undefined;
  startDate: string | undefined;
  seenDocuments: Set<string>;
}

function checkInsuredPersons(rawList: unknown, rules: ApplicationRules, policyholder: ValidPolicyholder | undefined, startDate: string | undefined, check: CheckContext): ValidInsured[] | undefined {
  const list: unknown[] = Array.isArray(rawList) ? rawList : [];
  if (list.length === 0) return void check.problems.add('/insured', 'insured_required');
  if (list.length > rules.maxInsured) check.problems.add('/insured', 'too_many_insured', { max: rules.maxInsured });
  checkRelationships(list as InsuredInput[], policyholder?.kind, check.problems);
  const context: InsuredContext = { rules, check, holder: policyholder?.kind === 'person' ? policyholder.person : undefined, startDate, seenDocuments: new Set() };
  const result = list.map((item, index) => checkInsured(recordOf(item), `/insured/${index}`, context));
  return result.every((insured) => insured !== undefined) ? result : undefined;
}

function checkInsured(item: Record<string, unknown>, at: string, context: InsuredContext): ValidInsured | undefined {
  const { rules, check } = context;
  refuseUnaskedKeys(item, (key) => INSURED_KEYS.has(key), at, check);
  const holder = item.relationship === 'self' ? context.holder : undefined;
  const asked = rules.insuredFields.filter((field) => !holder || !rules.policyholderFields.includes(field));
  const own = checkPerson(item.person, new Set(asked), `${at}/person`, check);
  const taken: ValidPerson = holder ? pick(holder, keysFromPolicyholder(rules)) : {};
  const person: ValidPerson = { ...taken, ...own };
  const source = (key: keyof PersonInput) => (key in taken ? at : `${at}/person/${key}`);
  if (holder) checkSelfAgainstHolder(own, holder, at, check);

  const documents = documentKeysOf(person, source);
  for (const document of documents) {
    if (context.seenDocuments.has(document.key)) check.problems.add(document.pointer, 'insured_twice');
    context.seenDocuments.add(document.key);
  }
  const ownKeys = new Set(documents.map((document) => document.key));
  if (holder?.idDocument) ownKeys.add(idDocumentLookupKey(holder.idDocument));
  const relationship = item.relationship as ValidInsured['relationship'];
  const beneficiaries = checkBeneficiaries(item.beneficiaries, `${at}/beneficiaries`, { type: rules.type, relationship, insuredDocumentKeys: ownKeys }, check);
  const asksHealth = rules.insuredFields.includes('health_declaration') || rules.healthQuestionIds.length > 0;
  if (!asksHealth && isGiven(item.healthAnswers)) check.problems.add(`${at}/healthAnswers`, 'field_not_asked');
  const healthAnswers = asksHealth ? checkHealthAnswers(item.healthAnswers, `${at}/healthAnswers`, rules.healthQuestionIds, check) : undefined;

  const birth = birthDateOfInsured(person, holder, source, at);
  if (!birth) {
    const isExplained = check.problems.hasAt(`${at}/person`) || (holder !== undefined && check.problems.hasAt('/policyholder/person'));
    if (!isExplained) check.problems.add(rules.insuredFields.includes('id_number') ? pointerBelow(source('idDocument'), 'type') : `${at}/person`, 'birth_date_unknown');
    return undefined;
  }
  if (context.startDate === undefined || !beneficiaries) return undefined;
  const age = ageOn(birth.date, context.startDate);
  if (age < rules.minAge || age > rules.maxAge) check.problems.add(birth.pointer, 'age_out_of_range', { min: rules.minAge, max: rules.maxAge });
  return { relationship, person, birthDate: birth.date, age, beneficiaries, ...(healthAnswers && { healthAnswers }) };
}

function pick(person: ValidPerson, keys: ReadonlySet<keyof ValidPerson>): ValidPerson {
  return Object.fromEntries(Object.entries(person).filter(([key]) => keys.has(key as keyof ValidPerson))) as ValidPerson;
}

/** A `self` insured's own answers (a stated birth date or sex) must agree with the policyholder's document. */
function checkSelfAgainstHolder(own: ValidPerson, holder: ValidPerson, at: string, check: CheckContext): void {
  const document = holder.idDocument;
  if (!document) return;
  if (own.birthDate && document.birthDate && own.birthDate !== document.birthDate) check.problems.addIdProblem(`${at}/person/birthDate`, 'birth_date_mismatch', document.type);
  if (own.sex && document.sex && own.sex !== document.sex) check.problems.addIdProblem(`${at}/person/sex`, 'sex_mismatch', document.type);
}

/** The person's documents as lookup keys, each with the pointer a duplicate should be reported at. */
function documentKeysOf(person: ValidPerson, source: (key: keyof PersonInput) => string): Array<{ key: string; pointer: string }> {
  const documents: Array<{ key: string; pointer: string }> = [];
  if (person.idDocument) documents.push({ key: idDocumentLookupKey(person.idDocument), pointer: pointerBelow(source('idDocument'), 'number') });
  if (person.passportNumber) {
    const passport = { type: 'passport' as const, issuingCountry: person.passportCountry ?? 'CN', number: person.passportNumber };
    documents.push({ key: idDocumentLookupKey(passport), pointer: source('passportNumber') });
  }
  return documents;
}

function pointerBelow(pointer: string, segment: string): string {
  return pointer.endsWith('/idDocument') ? `${pointer}/${segment}` : pointer;
}

/** Stated, else read from their document number, else (for `self`) from the policyholder's. */
function birthDateOfInsured(person: ValidPerson, holder: ValidPerson | undefined, source: (key: keyof PersonInput) => string, at: string): { date: string; pointer: string } | undefined {
  if (person.birthDate) return { date: person.birthDate, pointer: source('birthDate') };
  if (person.idDocument?.birthDate) return { date: person.idDocument.birthDate, pointer: pointerBelow(source('idDocument'), 'number') };
  if (holder?.birthDate) return { date: holder.birthDate, pointer: at };
  if (holder?.idDocument?.birthDate) return { date: holder.idDocument.birthDate, pointer: at };
  return undefined;
}
