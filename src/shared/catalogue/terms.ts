/**
 * The vocabulary of the product catalogue (R-POL-1), shared by the server and the web app: product
 * types, the documents every product carries, the coverage items plans are compared by, and the
 * fields an application may ask for (each product lists only those it needs: data minimisation).
 */

type Text = { zh: string; en: string };

export const PRODUCT_TYPES = ['outbound_travel', 'domestic_travel', 'accident', 'short_term_medical', 'annual_multi_trip'] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];

export const productTypeNames: Record<ProductType, Text> = {
  outbound_travel: { zh: '境外旅行险', en: 'Travel insurance abroad' },
  domestic_travel: { zh: '国内旅行险', en: 'Domestic travel insurance' },
  accident: { zh: '意外险', en: 'Accident insurance' },
  short_term_medical: { zh: '短期医疗险', en: 'Short-term medical insurance' },
  annual_multi_trip: { zh: '全年多次旅行险', en: 'Annual multi-trip travel insurance' },
};

export const PRODUCT_STATUSES = ['draft', 'published'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** 条款, 投保须知, 责任免除 on every product; 健康告知 where the product asks health questions. */
export const DOCUMENT_KINDS = ['terms', 'purchase_notice', 'exclusions', 'health_declaration'] as const;
export type ProductDocumentKind = (typeof DOCUMENT_KINDS)[number];
export const REQUIRED_DOCUMENT_KINDS: readonly ProductDocumentKind[] = ['terms', 'purchase_notice', 'exclusions'];

export const documentKindNames: Record<ProductDocumentKind, Text> = {
  terms: { zh: '保险条款', en: 'Policy terms' },
  purchase_notice: { zh: '投保须知', en: 'Purchase notice' },
  exclusions: { zh: '责任免除', en: 'Exclusions' },
  health_declaration: { zh: '健康告知', en: 'Health declaration' },
};

/** Coverage items in the order comparison tables show them. */
export const COVERAGE_ITEMS = [
  'medical',
  'emergency_evacuation',
  'repatriation',
  'accidental_death',
  'accident_medical',
  'general_medical',
  'critical_illness_medical',
  'hospital_cash',
  'personal_liability',
  'baggage',
  'trip_delay',
  'trip_cancellation',
  'document_loss',
  'emergency_assistance',
] as const;
export type CoverageItem = (typeof COVERAGE_ITEMS)[number];

export const coverageItemNames: Record<CoverageItem, Text> = {
  medical: { zh: '意外及突发疾病医疗', en: 'Medical expenses (accident and sudden illness)' },
  emergency_evacuation: { zh: '紧急医疗转运', en: 'Emergency medical evacuation' },
  repatriation: { zh: '身故遗返', en: 'Repatriation of mortal remains' },
  accidental_death: { zh: '意外身故及伤残', en: 'Accidental death and disability' },
  accident_medical: { zh: '意外医疗', en: 'Accident medical expenses' },
  general_medical: { zh: '一般医疗', en: 'General medical expenses' },
  critical_illness_medical: { zh: '重大疾病医疗', en: 'Critical illness medical expenses' },
  hospital_cash: { zh: '住院津贴', en: 'Hospital cash' },
  personal_liability: { zh: '个人责任', en: 'Personal liability' },
  baggage: { zh: '随身财产', en: 'Personal belongings' },
  trip_delay: { zh: '旅行延误', en: 'Travel delay' },
  trip_cancellation: { zh: '行程取消', en: 'Trip cancellation' },
  document_loss: { zh: '旅行证件遗失', en: 'Loss of travel documents' },
  emergency_assistance: { zh: '24 小时紧急救援', en: '24-hour emergency assistance' },
};

/**
 * What an application may ask about the policyholder and each insured person. A product names the
 * subset it needs: a passport only for travel abroad, an occupation only where it is rated.
 */
export const APPLICANT_FIELDS = ['name', 'name_pinyin', 'id_number', 'passport_number', 'birth_date', 'sex', 'phone', 'email', 'occupation', 'health_declaration'] as const;
export type ApplicantField = (typeof APPLICANT_FIELDS)[number];

export const applicantFieldNames: Record<ApplicantField, Text> = {
  name: { zh: '姓名', en: 'Name' },
  name_pinyin: { zh: '姓名拼音', en: 'Name in pinyin' },
  id_number: { zh: '身份证件号码', en: 'ID number' },
  passport_number: { zh: '护照号码', en: 'Passport number' },
  birth_date: { zh: '出生日期', en: 'Date of birth' },
  sex: { zh: '性别', en: 'Sex' },
  phone: { zh: '手机号', en: 'Mobile number' },
  email: { zh: '电子邮箱', en: 'E-mail' },
  occupation: { zh: '职业', en: 'Occupation' },
  health_declaration: { zh: '健康告知', en: 'Health declaration' },
};

/** 职业类别 1–6 of the insurers' occupation tables: 1 office work … 6 high-risk manual work. */
export const occupationClassNames: Record<number, Text> = {
  1: { zh: '1 类（内勤、办公室职员）', en: 'Class 1 (office work)' },
  2: { zh: '2 类（外勤、轻体力）', en: 'Class 2 (field work, light manual)' },
  3: { zh: '3 类（一般体力劳动）', en: 'Class 3 (general manual work)' },
  4: { zh: '4 类（较重体力劳动）', en: 'Class 4 (heavier manual work)' },
  5: { zh: '5 类（高空、机械操作）', en: 'Class 5 (work at height, machinery)' },
  6: { zh: '6 类（高危作业）', en: 'Class 6 (high-risk work)' },
};

/** Schengen visa rules: at least 30,000 EUR for medical care and repatriation, for the whole stay. */
/**
 * The fields of a product's terms the console edits (基本信息). The type and the insurer of a product
 * never change: copy it instead.
 */
export const PRODUCT_TERMS_FIELDS = [
  'nameZh',
  'nameEn',
  'summaryZh',
  'summaryEn',
  'zones',
  'minDays',
  'maxDays',
  // Annual multi-trip only: the longest single trip.
  'maxTripDays',
  'minAge',
  'maxAge',
  'maxInsured',
  'coolingOffDays',
  'policyholderFields',
  'insuredFields',
  'sortOrder',
] as const;
export type ProductTermsField = (typeof PRODUCT_TERMS_FIELDS)[number];

/**
 * Marketing only, so editable after a sale: the e-policy, the sale's record and cancellation never
 * read the summary or the list order. Everything else (names, territory, days, ages, cooling-off,
 * what is asked of applicants) is printed on policies or decides a sold policy's rights.
 */
export const MARKETING_TERMS_FIELDS: readonly ProductTermsField[] = ['summaryZh', 'summaryEn', 'sortOrder'];

export const SCHENGEN_MIN_MEDICAL_FEN = 240_000_00;

/** Money is integer fen everywhere; shown as yuan with two decimals. */
export function formatFen(fen: number, language: 'zh-CN' | 'en' = 'zh-CN'): string {
  const yuan = (fen / 100).toLocaleString(language === 'en' ? 'en-US' : 'zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `¥${yuan}`;
}
