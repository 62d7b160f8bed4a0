// Shared by the server and the web app (bundled by Vite): no Node or DOM imports here.
import type { ApplicationProblem } from './application.ts';
import { idProblemText, type IdDocumentType, type IdProblem } from './identity-documents.ts';
import { profileTextProblemText, type ProfileTextField, type ProfileTextProblem } from './profile-fields.ts';

type Language = 'zh-CN' | 'en';
type Text = Record<Language, string>;

/**
 * What each problem of an application says (R-POL-4, R-POL-5, R-POL-6). Texts carry only the rule's
 * own numbers ({min}, {max}) and field names, never a value the person typed: problems are shown
 * next to the field, logged and returned by the API alike.
 */
const texts = {
  required: { 'zh-CN': '请填写{field}。', en: '{field} is required.' },
  field_not_asked: { 'zh-CN': '本产品不收集此项信息，请勿提供。', en: 'This product does not collect this information: please leave it out.' },
  name_characters: {
    'zh-CN': '姓名只能包含汉字或拉丁字母，以及空格、间隔号“·”和连字符。',
    en: 'A name may contain Chinese characters or Latin letters, with spaces, the middle dot “·” and hyphens.',
  },
  pinyin_format: {
    'zh-CN': '姓名拼音只能包含拉丁字母和空格（例如 ZHANG SAN），最多 100 个字母。',
    en: 'The name in pinyin may contain Latin letters and spaces only (such as ZHANG SAN), at most 100.',
  },
  id_type_invalid: { 'zh-CN': '请选择证件类型。', en: 'Please choose the type of document.' },
  birth_date_invalid: { 'zh-CN': '请填写有效的出生日期。', en: 'Please enter a valid date of birth.' },
  birth_date_future: { 'zh-CN': '出生日期不能晚于今天。', en: 'The date of birth cannot be after today.' },
  sex_invalid: { 'zh-CN': '请选择性别。', en: 'Please choose the sex.' },
  phone_invalid: { 'zh-CN': '请填写有效的中国大陆手机号码。', en: 'Please enter a valid mainland China mobile number.' },
  occupation_invalid: { 'zh-CN': '请选择职业类别（1–6 类）。', en: 'Please choose an occupation class (1–6).' },
  policyholder_kind_invalid: { 'zh-CN': '请选择投保人类型：个人或机构。', en: 'Please choose who buys: a person or an institution.' },
  policyholder_under_18: {
    'zh-CN': '投保人须年满 18 周岁（完全民事行为能力人）。',
    en: 'The policyholder must be at least 18 years old (of full civil capacity).',
  },
  institution_not_allowed: { 'zh-CN': '本产品只接受个人投保。', en: 'Only individuals can buy this product.' },
  credit_code_invalid: {
    'zh-CN': '统一社会信用代码应为 18 位数字或大写字母，且最后一位校验码正确，请核对。',
    en: 'A unified social credit code has 18 digits or capital letters and a matching last (check) character. Please check it.',
  },
  insured_required: { 'zh-CN': '请至少添加一位被保险人。', en: 'Please add at least one insured person.' },
  too_many_insured: { 'zh-CN': '一份保单最多 {max} 位被保险人。', en: 'One policy covers at most {max} insured persons.' },
  insured_twice: {
    'zh-CN': '持此证件的被保险人已添加，同一人不能重复投保。',
    en: 'A person with this document is already among the insured persons: nobody can be insured twice.',
  },
  relationship_invalid: { 'zh-CN': '请选择被保险人与投保人的关系。', en: 'Please choose how the insured person is related to the policyholder.' },
  self_twice: { 'zh-CN': '被保险人中只能有一位“本人”。', en: 'Only one insured person can be the policyholder themself.' },
  spouse_twice: { 'zh-CN': '被保险人中只能有一位“配偶”。', en: 'Only one insured person can be the spouse.' },
  self_needs_person: { 'zh-CN': '投保人为机构时，被保险人不能选择“本人”。', en: 'An institution cannot insure itself: choose the person’s relationship to it.' },
  family_needs_person: {
    'zh-CN': '投保人为机构时，被保险人只能是与机构有劳动关系的雇员，或经其同意的其他人。',
    en: 'An institution can insure its employees, or other people with their consent.',
  },
  employee_needs_institution: { 'zh-CN': '“雇员”仅适用于机构投保。', en: '“Employee” applies only when an institution buys the cover.' },
  birth_date_unknown: {
    'zh-CN': '本产品需要被保险人的出生日期，请使用居民身份证或港澳台居民居住证投保。',
    en: 'This product needs the insured person’s date of birth: please use a resident ID card or a residence permit for Hong Kong, Macao and Taiwan residents.',
  },
  age_out_of_range: {
    'zh-CN': '被保险人在保障开始日的年龄须在 {min}–{max} 周岁之间。',
    en: 'On the first day of cover the insured person must be {min} to {max} years old.',
  },
  beneficiary_kind_invalid: { 'zh-CN': '请选择法定受益人或指定受益人。', en: 'Please choose statutory heirs or named beneficiaries.' },
  named_beneficiary_not_offered: {
    'zh-CN': '本产品的身故受益人为法定继承人，不能指定受益人。',
    en: 'This product pays a death benefit to the statutory heirs: beneficiaries cannot be named.',
  },
  beneficiaries_required: { 'zh-CN': '请至少填写一位指定受益人，或选择法定受益人。', en: 'Please name at least one beneficiary, or choose statutory heirs.' },
  beneficiary_relationship_invalid: { 'zh-CN': '请选择受益人与被保险人的关系。', en: 'Please choose how the beneficiary is related to the insured person.' },
  beneficiary_not_next_of_kin: {
    'zh-CN': '为雇员投保时，受益人只能是被保险人的近亲属（《保险法》第三十九条）。',
    en: 'When an employer insures an employee, only the employee’s close relatives can be beneficiaries (Insurance Law, art. 39).',
  },
  beneficiary_is_insured: { 'zh-CN': '身故受益人不能是被保险人本人。', en: 'The insured person cannot be the beneficiary of their own death benefit.' },
  beneficiary_twice: { 'zh-CN': '同一受益人只能填写一次。', en: 'Each beneficiary can be named once.' },
  beneficiary_spouse_twice: { 'zh-CN': '受益人中只能有一位“配偶”。', en: 'Only one beneficiary can be the spouse.' },
  share_invalid: { 'zh-CN': '受益份额须为 1–100 之间的整数（百分比）。', en: 'A share is a whole percentage from 1 to 100.' },
  shares_not_100: { 'zh-CN': '同一被保险人的受益份额合计须为 100%。', en: 'The shares of one insured person’s beneficiaries must add up to 100%.' },
  health_unanswered: { 'zh-CN': '请回答这一项健康告知问题。', en: 'Please answer this health question.' },
  health_question_unknown: { 'zh-CN': '本产品的健康告知中没有这一问题。', en: 'This product’s health declaration has no such question.' },
  health_declined: {
    'zh-CN': '根据健康告知，被保险人暂不符合本产品的投保条件，无法投保本产品。如有疑问，请联系客服。',
    en: 'Based on the health declaration, the insured person does not currently meet this product’s conditions and cannot be insured by it. Please contact us with any questions.',
  },
  date_invalid: { 'zh-CN': '请填写有效的日期。', en: 'Please enter a valid date.' },
  start_date_too_early: { 'zh-CN': '保障最早从明天开始。', en: 'Cover can start tomorrow at the earliest.' },
  end_before_start: { 'zh-CN': '保障结束日期不能早于开始日期。', en: 'The last day of cover cannot be before the first.' },
  period_too_short: { 'zh-CN': '保障期间最短 {min} 天（含首尾两天）。', en: 'Cover lasts at least {min} days (first and last day included).' },
  period_too_long: { 'zh-CN': '保障期间最长 {max} 天（含首尾两天）。', en: 'Cover lasts at most {max} days (first and last day included).' },
  start_date_too_late: { 'zh-CN': '出发日期最晚可改到今天起 {max} 天内。', en: 'The trip can be moved to start within {max} days from today at the latest.' },
  dates_unchanged: { 'zh-CN': '新的日期与现在的保障日期相同。', en: 'These are the dates the policy already has.' },
} satisfies Record<string, Text>;

type TextCode = keyof typeof texts;
const profileTextCodes = { too_long: 'too_long', email_format: 'email_invalid', name_characters: 'name_characters' } as const;
export type ApplicationProblemCode = TextCode | `id_${IdProblem}` | (typeof profileTextCodes)[ProfileTextProblem];

/** Names of the fields a `required` problem names, by the last segment of its pointer unless told. */
const fieldNames = {
  name: { 'zh-CN': '姓名', en: 'Name' },
  namePinyin: { 'zh-CN': '姓名拼音', en: 'Name in pinyin' },
  idDocument: { 'zh-CN': '证件号码', en: 'Document number' },
  number: { 'zh-CN': '证件号码', en: 'Document number' },
  passportNumber: { 'zh-CN': '护照号码', en: 'Passport number' },
  birthDate: { 'zh-CN': '出生日期', en: 'Date of birth' },
  sex: { 'zh-CN': '性别', en: 'Sex' },
  phone: { 'zh-CN': '手机号', en: 'Mobile number' },
  email: { 'zh-CN': '电子邮箱', en: 'E-mail' },
  occupationClass: { 'zh-CN': '职业类别', en: 'Occupation class' },
  healthAnswers: { 'zh-CN': '健康告知', en: 'Health declaration' },
  creditCode: { 'zh-CN': '统一社会信用代码', en: 'Unified social credit code' },
  contactName: { 'zh-CN': '联系人姓名', en: 'Contact name' },
  contactPhone: { 'zh-CN': '联系人手机号', en: 'Contact mobile number' },
  contactEmail: { 'zh-CN': '联系人电子邮箱', en: 'Contact e-mail' },
  startDate: { 'zh-CN': '保障开始日期', en: 'First day of cover' },
  endDate: { 'zh-CN': '保障结束日期', en: 'Last day of cover' },
  sharePercent: { 'zh-CN': '受益份额', en: 'Share' },
  institutionName: { 'zh-CN': '机构名称', en: 'Institution name' },
} satisfies Record<string, Text>;
type FieldName = keyof typeof fieldNames;
const anyField: Text = { 'zh-CN': '此项', en: 'This field' };

/** A JSON pointer (RFC 6901) from path segments; `~` and `/` inside a segment are escaped. */
export function pointerOf(...segments: Array<string | number>): string {
  return segments.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** Collects every problem of one application in the person's language. */
export class ProblemList {
  readonly items: ApplicationProblem[] = [];

  constructor(readonly language: Language) {}

  add(pointer: string, code: Exclude<TextCode, 'required'>, limits: { min?: number; max?: number } = {}): void {
    const detail = texts[code][this.language].replace(/\{(min|max)\}/g, (whole, name: 'min' | 'max') => String(limits[name] ?? whole));
    this.items.push({ pointer, code, detail });
  }

  required(pointer: string, field = pointer.slice(pointer.lastIndexOf('/') + 1)): void {
    const name = field in fieldNames ? fieldNames[field as FieldName] : anyField;
    this.items.push({ pointer, code: 'required', detail: texts.required[this.language].replace('{field}', name[this.language]) });
  }

  addIdProblem(pointer: string, problem: IdProblem, type: IdDocumentType): void {
    this.items.push({ pointer, code: `id_${problem}`, detail: idProblemText(problem, type, this.language) });
  }

  addTextProblem(pointer: string, problem: ProfileTextProblem, field: ProfileTextField): void {
    this.items.push({ pointer, code: profileTextCodes[problem], detail: profileTextProblemText(field, problem, this.language) });
  }

  /** Has anything been reported at or below this pointer? */
  hasAt(pointer: string): boolean {
    return this.items.some((item) => item.pointer === pointer || item.pointer.startsWith(`${pointer}/`));
  }
}
