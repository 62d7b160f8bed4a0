import { zoneNames, type Zone } from '../../../shared/catalogue/destinations.ts';
import { coverageItemNames, type ApplicantField, type CoverageItem } from '../../../shared/catalogue/terms.ts';
import type { CoverageDefinition, InsurerDefinition, PlanDefinition, ProductDefinition } from '../import-product.ts';
import type { RatingTable } from '../rating/rating-table.ts';
import { documentsFor } from './documents.ts';
import { bands, TRAVEL_GROUP_DISCOUNTS, tripPremiums, yuan } from './grids.ts';
import { demoInsurers } from './insurers.ts';

type CoverTerms = { deductibleYuan?: number; detailZh?: string; detailEn?: string };

/** A coverage row in yuan, with the catalogue's wording unless the product words it its own way. */
function cover(item: CoverageItem, sumInsuredYuan: number, options: CoverTerms = {}): CoverageDefinition {
  return {
    item,
    itemZh: coverageItemNames[item].zh,
    itemEn: coverageItemNames[item].en,
    sumInsuredFen: yuan(sumInsuredYuan),
    deductibleFen: yuan(options.deductibleYuan ?? 0),
    ...(options.detailZh === undefined ? {} : { detailZh: options.detailZh, detailEn: options.detailEn ?? '' }),
  };
}

const assistance = cover('emergency_assistance', 0, { detailZh: '服务项目，不设保额', detailEn: 'A service, no sum insured' });
const delay = (yuanPerStep: number, total: number) => cover('trip_delay', total, { detailZh: `每延误满 5 小时赔付 ${yuanPerStep} 元`, detailEn: `¥${yuanPerStep} for every full 5 hours of delay` });
const belongings = (total: number, perItem: number) => cover('baggage', total, { detailZh: `每件物品以 ${perItem} 元为限`, detailEn: `At most ¥${perItem} per item` });
const liability = (total: number) => cover('personal_liability', total, { deductibleYuan: 500 });
const hospitalCash = (perDay: number) => cover('hospital_cash', perDay * 180, { detailZh: `每天 ${perDay} 元，每次住院免赔 3 天，累计最长 180 天`, detailEn: `¥${perDay} a day after 3 days of each stay, at most 180 days` });

/** Sums insured (yuan) of a plan for travel abroad; what a plan leaves out it does not cover. */
interface AbroadSums {
  medical: number;
  medicalTerms?: CoverTerms;
  repatriation: number;
  accidentalDeath: number;
  liability?: number;
  baggage?: { total: number; perItem: number };
  delay?: { perStep: number; total: number };
  documentLoss?: number;
  tripCancellation?: number;
}

/** The cover of a plan for travel abroad, in the order its table shows it: evacuation as high as medical care, assistance always. */
function abroadCover(sums: AbroadSums): CoverageDefinition[] {
  const rows = [
    cover('medical', sums.medical, sums.medicalTerms),
    cover('emergency_evacuation', sums.medical),
    cover('repatriation', sums.repatriation),
    cover('accidental_death', sums.accidentalDeath),
    sums.liability === undefined ? null : liability(sums.liability),
    sums.baggage ? belongings(sums.baggage.total, sums.baggage.perItem) : null,
    sums.delay ? delay(sums.delay.perStep, sums.delay.total) : null,
    sums.documentLoss === undefined ? null : cover('document_loss', sums.documentLoss),
    sums.tripCancellation === undefined ? null : cover('trip_cancellation', sums.tripCancellation),
    assistance,
  ];
  return rows.filter((row) => row !== null);
}

const abroadHolder: ApplicantField[] = ['name', 'id_number', 'phone', 'email'];
const abroadInsured: ApplicantField[] = ['name', 'name_pinyin', 'passport_number', 'birth_date', 'sex'];
const homeHolder: ApplicantField[] = ['name', 'id_number', 'phone'];

const OUTBOUND_DAYS = [3, 7, 10, 15, 20, 30, 45, 60, 92, 120, 180];
// Adult price in Asia for each of the bands above (yuan): longer trips never cost less.
const OUTBOUND_BASE = [15, 25, 33, 42, 52, 68, 92, 118, 160, 215, 290];
const OUTBOUND_AGES = bands(0, [17, 60, 70, 80]);
const OUTBOUND_AGE_FACTORS = [0.9, 1, 1.5, 2.5];

// Million Medical: yearly premium (yuan) of the standard plan per age band; Plus costs a quarter more.
const MEDICAL_BY_AGE = [650, 290, 210, 180, 210, 260, 320, 430, 600, 820, 1100];
const generalMedical = cover('general_medical', 3_000_000, { deductibleYuan: 10_000, detailZh: '年免赔额，经社保结算后 100% 赔付', detailEn: 'Yearly deductible; 100% after social insurance' });

type Draft = Omit<ProductDefinition, 'documents'> & { schengen?: boolean };

function territory(zones: readonly Zone[]) {
  return { zh: zones.map((zone) => zoneNames[zone].zh).join('、'), en: zones.map((zone) => zoneNames[zone].en).join(', ') };
}

function withDocuments(draft: Draft): ProductDefinition {
  const insurer = demoInsurers.find((candidate) => candidate.code === draft.insurer) as InsurerDefinition;
  const area = territory(draft.zones);
  const items = [...new Set(draft.plans.flatMap((plan) => plan.coverages.map((row) => row.item)))];
  const { schengen, ...definition } = draft;
  const facts = {
    type: draft.type,
    nameZh: draft.nameZh,
    nameEn: draft.nameEn,
    insurerZh: insurer.fullNameZh,
    insurerEn: insurer.fullNameEn,
    claimsHotline: insurer.claimsHotline,
    minAge: draft.minAge,
    maxAge: draft.maxAge,
    minDays: draft.minDays,
    maxDays: draft.maxDays,
    ...(draft.maxTripDays === undefined ? {} : { maxTripDays: draft.maxTripDays }),
    coolingOffDays: draft.coolingOffDays,
    territoryZh: area.zh,
    territoryEn: area.en,
    items,
    schengen: schengen ?? false,
  };
  return { ...definition, documents: documentsFor(facts, draft.insuredFields.includes('health_declaration')) };
}

function tripRating(zones: Partial<Record<Zone, number>>, planFactors: Record<string, number>, dayEnds: readonly number[], base: readonly number[], ageBands = OUTBOUND_AGES, ageFactors = OUTBOUND_AGE_FACTORS, minDays = 1): RatingTable {
  return {
    basis: 'trip',
    zones: Object.keys(zones) as Zone[],
    dayBands: bands(minDays, dayEnds),
    ageBands,
    premiums: tripPremiums(planFactors, zones, base.slice(0, dayEnds.length), ageFactors),
    groupDiscounts: TRAVEL_GROUP_DISCOUNTS,
  };
}

const schengenMedical: CoverTerms = { detailZh: '含门急诊及住院，无免赔额', detailEn: 'Outpatient and hospital, no deductible' };
const schengenPlans: PlanDefinition[] = [
  {
    code: 'standard',
    nameZh: '标准版',
    nameEn: 'Standard',
    schengenCompliant: true,
    coverages: abroadCover({
      medical: 300_000,
      medicalTerms: schengenMedical,
      repatriation: 100_000,
      accidentalDeath: 200_000,
      liability: 100_000,
      baggage: { total: 2_000, perItem: 500 },
      delay: { perStep: 200, total: 600 },
      documentLoss: 1_000,
    }),
  },
  {
    code: 'premium',
    nameZh: '尊享版',
    nameEn: 'Premium',
    schengenCompliant: true,
    coverages: abroadCover({
      medical: 600_000,
      medicalTerms: schengenMedical,
      repatriation: 200_000,
      accidentalDeath: 500_000,
      liability: 300_000,
      baggage: { total: 5_000, perItem: 1_000 },
      delay: { perStep: 300, total: 1_200 },
      documentLoss: 2_000,
      tripCancellation: 5_000,
    }),
  },
];

const drafts: Draft[] = [
  {
    code: 'schengen-visa',
    insurer: 'haiyan',
    type: 'outbound_travel',
    nameZh: '申根签证旅行保险',
    nameEn: 'Schengen Visa Travel Insurance',
    summaryZh: '满足申根签证要求：医疗及遗返保障不低于 3 万欧元、无免赔额，覆盖整个行程，保单可直接用于签证申请。',
    summaryEn: 'Meets the Schengen visa rules: at least EUR 30,000 for medical care and repatriation, no deductible, for your whole stay. Use the policy for your visa application.',
    zones: ['schengen'],
    minDays: 1,
    maxDays: 92,
    minAge: 0,
    maxAge: 80,
    coolingOffDays: 0,
    policyholderFields: abroadHolder,
    insuredFields: abroadInsured,
    status: 'published',
    sortOrder: 10,
    schengen: true,
    plans: schengenPlans,
    rating: tripRating({ schengen: 1.4 }, { standard: 1, premium: 1.45 }, OUTBOUND_DAYS.slice(0, 9), OUTBOUND_BASE),
  },
  {
    code: 'europe-discovery',
    insurer: 'chengchuan',
    type: 'outbound_travel',
    nameZh: '欧洲深度游旅行保险',
    nameEn: 'Europe Discovery Travel Insurance',
    summaryZh: '申根国家与英国、爱尔兰等欧洲国家一次保障，两档方案均满足申根签证要求。',
    summaryEn: 'The Schengen area, the UK, Ireland and more on one policy; both plans meet the Schengen visa rules.',
    zones: ['europe'],
    minDays: 1,
    maxDays: 92,
    minAge: 0,
    maxAge: 80,
    coolingOffDays: 0,
    policyholderFields: abroadHolder,
    insuredFields: abroadInsured,
    status: 'published',
    sortOrder: 15,
    schengen: true,
    plans: [
      {
        code: 'standard',
        nameZh: '畅游版',
        nameEn: 'Explorer',
        schengenCompliant: true,
        coverages: abroadCover({ medical: 350_000, repatriation: 100_000, accidentalDeath: 200_000, liability: 200_000, baggage: { total: 3_000, perItem: 800 }, delay: { perStep: 200, total: 800 } }),
      },
      {
        code: 'premium',
        nameZh: '臻享版',
        nameEn: 'Signature',
        schengenCompliant: true,
        coverages: abroadCover({
          medical: 700_000,
          repatriation: 200_000,
          accidentalDeath: 500_000,
          liability: 400_000,
          baggage: { total: 6_000, perItem: 1_500 },
          delay: { perStep: 300, total: 1_500 },
          documentLoss: 2_000,
          tripCancellation: 8_000,
        }),
      },
    ],
    rating: tripRating({ europe: 1.5 }, { standard: 1, premium: 1.4 }, OUTBOUND_DAYS.slice(0, 9), OUTBOUND_BASE),
  },
  {
    code: 'global-explorer',
    insurer: 'haiyan',
    type: 'outbound_travel',
    nameZh: '环球畅游境外旅行保险',
    nameEn: 'Global Explorer Travel Insurance',
    summaryZh: '亚洲、全球（不含美加）、全球三档区域，最长 180 天，适合商务、探亲与长途旅行；标准版及以上满足申根签证要求。',
    summaryEn: 'Asia, worldwide excluding the USA and Canada, or worldwide, for up to 180 days: business, family visits and long journeys. Standard and Premium meet the Schengen visa rules.',
    zones: ['asia', 'worldwide_ex_us_ca', 'worldwide'],
    minDays: 1,
    maxDays: 180,
    minAge: 0,
    maxAge: 80,
    coolingOffDays: 0,
    policyholderFields: abroadHolder,
    insuredFields: abroadInsured,
    status: 'published',
    sortOrder: 20,
    plans: [
      {
        code: 'basic',
        nameZh: '基础版',
        nameEn: 'Basic',
        coverages: abroadCover({ medical: 200_000, medicalTerms: { deductibleYuan: 100 }, repatriation: 50_000, accidentalDeath: 100_000, liability: 50_000 }),
      },
      {
        code: 'standard',
        nameZh: '标准版',
        nameEn: 'Standard',
        schengenCompliant: true,
        coverages: abroadCover({
          medical: 400_000,
          repatriation: 100_000,
          accidentalDeath: 300_000,
          liability: 200_000,
          baggage: { total: 3_000, perItem: 800 },
          delay: { perStep: 200, total: 800 },
          documentLoss: 1_000,
        }),
      },
      {
        code: 'premium',
        nameZh: '尊享版',
        nameEn: 'Premium',
        schengenCompliant: true,
        coverages: abroadCover({
          medical: 1_000_000,
          repatriation: 300_000,
          accidentalDeath: 600_000,
          liability: 500_000,
          baggage: { total: 6_000, perItem: 1_500 },
          delay: { perStep: 300, total: 1_500 },
          documentLoss: 2_000,
          tripCancellation: 10_000,
        }),
      },
    ],
    rating: tripRating({ asia: 1, worldwide_ex_us_ca: 1.6, worldwide: 2.1 }, { basic: 0.8, standard: 1.3, premium: 2.2 }, OUTBOUND_DAYS, OUTBOUND_BASE),
  },
  {
    code: 'asia-easy',
    insurer: 'chengchuan',
    type: 'outbound_travel',
    nameZh: '亚洲畅行旅行保险',
    nameEn: 'Asia Easy Travel Insurance',
    summaryZh: '日韩、东南亚及港澳台短途出行，最长 30 天，价格实惠。',
    summaryEn: 'Short trips to Japan, Korea, South-East Asia, Hong Kong, Macao and Taiwan, up to 30 days, at a low price.',
    zones: ['asia'],
    minDays: 1,
    maxDays: 30,
    minAge: 0,
    maxAge: 75,
    coolingOffDays: 0,
    policyholderFields: abroadHolder,
    insuredFields: abroadInsured,
    status: 'published',
    sortOrder: 30,
    plans: [
      {
        code: 'economy',
        nameZh: '经济版',
        nameEn: 'Economy',
        coverages: abroadCover({ medical: 100_000, repatriation: 50_000, accidentalDeath: 100_000 }),
      },
      {
        code: 'standard',
        nameZh: '标准版',
        nameEn: 'Standard',
        coverages: abroadCover({ medical: 300_000, repatriation: 100_000, accidentalDeath: 200_000, baggage: { total: 2_000, perItem: 500 }, delay: { perStep: 200, total: 600 } }),
      },
    ],
    rating: tripRating({ asia: 1 }, { economy: 0.7, standard: 1.1 }, [3, 7, 10, 15, 20, 30], OUTBOUND_BASE, bands(0, [17, 60, 75]), [0.9, 1, 1.6]),
  },
  {
    code: 'domestic-travel',
    insurer: 'chengchuan',
    type: 'domestic_travel',
    nameZh: '国内旅行意外保险',
    nameEn: 'Domestic Travel Accident Insurance',
    summaryZh: '国内自助游、跟团游意外保障，含意外医疗与 24 小时救援，按天投保。',
    summaryEn: 'Accident cover for independent and group trips in mainland China, with accident medical cover and 24-hour assistance, by the day.',
    zones: ['domestic'],
    minDays: 1,
    maxDays: 30,
    minAge: 0,
    maxAge: 80,
    coolingOffDays: 0,
    policyholderFields: homeHolder,
    insuredFields: ['name', 'id_number'],
    status: 'published',
    sortOrder: 40,
    plans: [
      {
        code: 'basic',
        nameZh: '基础版',
        nameEn: 'Basic',
        coverages: [
          cover('accidental_death', 100_000),
          cover('accident_medical', 10_000, { deductibleYuan: 100, detailZh: '免赔额以上按 100% 赔付', detailEn: '100% above the deductible' }),
          assistance,
        ],
      },
      {
        code: 'plus',
        nameZh: '升级版',
        nameEn: 'Plus',
        coverages: [
          cover('accidental_death', 300_000),
          cover('accident_medical', 30_000, { deductibleYuan: 100, detailZh: '免赔额以上按 100% 赔付', detailEn: '100% above the deductible' }),
          hospitalCash(100),
          assistance,
        ],
      },
    ],
    rating: tripRating({ domestic: 1 }, { basic: 1, plus: 2 }, [3, 7, 15, 30], [5, 8, 12, 18], bands(0, [17, 60, 80]), [1, 1, 1.6]),
  },
  {
    code: 'accident-plus',
    insurer: 'yunfan',
    type: 'accident',
    nameZh: '综合意外保险（一年期）',
    nameEn: 'Comprehensive Accident Insurance (1 year)',
    summaryZh: '意外身故伤残、意外医疗与住院津贴，1–6 类职业均可投保，按职业类别定价。',
    summaryEn: 'Accidental death and disability, accident medical costs and hospital cash for a year; occupation classes 1 to 6, priced by class.',
    zones: ['domestic', 'worldwide'],
    minDays: 365,
    maxDays: 365,
    minAge: 18,
    maxAge: 65,
    coolingOffDays: 15,
    policyholderFields: homeHolder,
    insuredFields: ['name', 'id_number', 'occupation'],
    status: 'published',
    sortOrder: 50,
    plans: [
      {
        code: 'sum-100k',
        nameZh: '10 万保额',
        nameEn: '¥100,000 cover',
        coverages: [cover('accidental_death', 100_000), cover('accident_medical', 10_000, { deductibleYuan: 100 }), hospitalCash(50)],
      },
      {
        code: 'sum-300k',
        nameZh: '30 万保额',
        nameEn: '¥300,000 cover',
        coverages: [cover('accidental_death', 300_000), cover('accident_medical', 30_000, { deductibleYuan: 100 }), hospitalCash(100)],
      },
      {
        code: 'sum-500k',
        nameZh: '50 万保额',
        nameEn: '¥500,000 cover',
        coverages: [cover('accidental_death', 500_000), cover('accident_medical', 50_000, { deductibleYuan: 100 }), hospitalCash(150)],
      },
    ],
    rating: {
      basis: 'occupation',
      classes: [1, 2, 3, 4, 5, 6],
      premiums: {
        'sum-100k': [60, 75, 98, 140, 210, 320].map(yuan),
        'sum-300k': [144, 180, 235, 336, 504, 768].map(yuan),
        'sum-500k': [216, 270, 353, 504, 756, 1152].map(yuan),
      },
      groupDiscounts: TRAVEL_GROUP_DISCOUNTS,
    },
  },
  {
    code: 'senior-accident',
    insurer: 'yunfan',
    type: 'accident',
    nameZh: '老年人意外保险（一年期）',
    nameEn: 'Seniors’ Accident Insurance (1 year)',
    summaryZh: '专为 50–80 周岁人群设计，意外医疗含骨折治疗，1–3 类职业可投保，需简单健康告知。',
    summaryEn: 'For people aged 50 to 80: accident cover with medical costs including fractures; occupation classes 1 to 3; a short health declaration is required.',
    zones: ['domestic', 'worldwide'],
    minDays: 365,
    maxDays: 365,
    minAge: 50,
    maxAge: 80,
    coolingOffDays: 15,
    policyholderFields: homeHolder,
    insuredFields: ['name', 'id_number', 'occupation', 'health_declaration'],
    status: 'published',
    sortOrder: 60,
    plans: [
      {
        code: 'standard',
        nameZh: '标准版',
        nameEn: 'Standard',
        coverages: [cover('accidental_death', 100_000), cover('accident_medical', 20_000, { deductibleYuan: 100, detailZh: '含骨折治疗', detailEn: 'Includes fracture treatment' }), hospitalCash(50)],
      },
      {
        code: 'enhanced',
        nameZh: '加强版',
        nameEn: 'Enhanced',
        coverages: [cover('accidental_death', 200_000), cover('accident_medical', 40_000, { deductibleYuan: 100, detailZh: '含骨折治疗', detailEn: 'Includes fracture treatment' }), hospitalCash(100)],
      },
    ],
    rating: { basis: 'occupation', classes: [1, 2, 3], premiums: { standard: [150, 180, 230].map(yuan), enhanced: [260, 310, 400].map(yuan) }, groupDiscounts: [] },
  },
  {
    code: 'million-medical',
    insurer: 'yunfan',
    type: 'short_term_medical',
    nameZh: '百万医疗保险（一年期）',
    nameEn: 'Million Medical Insurance (1 year)',
    summaryZh: '一般医疗 300 万、重疾医疗不设免赔，需如实健康告知；等待期 30 天。',
    summaryEn: '¥3 million for hospital treatment, no deductible for critical illness; a health declaration is required; 30-day waiting period.',
    zones: ['domestic'],
    minDays: 365,
    maxDays: 365,
    minAge: 0,
    maxAge: 60,
    coolingOffDays: 15,
    policyholderFields: homeHolder,
    insuredFields: ['name', 'id_number', 'health_declaration'],
    status: 'published',
    sortOrder: 70,
    plans: [
      {
        code: 'standard',
        nameZh: '标准版',
        nameEn: 'Standard',
        coverages: [generalMedical, cover('critical_illness_medical', 3_000_000, { detailZh: '不设免赔额', detailEn: 'No deductible' })],
      },
      {
        code: 'plus',
        nameZh: '升级版（含特药）',
        nameEn: 'Plus (specialty drugs)',
        coverages: [generalMedical, cover('critical_illness_medical', 6_000_000, { detailZh: '不设免赔额，含院外特定药品', detailEn: 'No deductible; includes listed specialty drugs outside hospital' })],
      },
    ],
    rating: {
      basis: 'age',
      ageBands: bands(0, [4, 10, 17, 25, 30, 35, 40, 45, 50, 55, 60]),
      premiums: { standard: MEDICAL_BY_AGE.map(yuan), plus: MEDICAL_BY_AGE.map((price) => yuan(price * 1.25)) },
      groupDiscounts: [],
    },
  },
  {
    code: 'annual-multi-trip',
    insurer: 'haiyan',
    type: 'annual_multi_trip',
    nameZh: '全年多次往返境外旅行保险',
    nameEn: 'Annual Multi-Trip Travel Insurance',
    summaryZh: '一年内多次出境，每次最长 90 天，全球保障；两档方案均满足申根签证要求。',
    summaryEn: 'Any number of trips abroad in a year, up to 90 days each, worldwide; both plans meet the Schengen visa rules.',
    zones: ['worldwide'],
    minDays: 365,
    maxDays: 365,
    maxTripDays: 90,
    minAge: 0,
    maxAge: 70,
    coolingOffDays: 15,
    policyholderFields: abroadHolder,
    insuredFields: abroadInsured,
    status: 'published',
    sortOrder: 80,
    schengen: true,
    plans: [
      {
        code: 'standard',
        nameZh: '标准版',
        nameEn: 'Standard',
        schengenCompliant: true,
        coverages: abroadCover({ medical: 300_000, repatriation: 100_000, accidentalDeath: 200_000, liability: 200_000 }),
      },
      {
        code: 'premium',
        nameZh: '尊享版',
        nameEn: 'Premium',
        schengenCompliant: true,
        coverages: abroadCover({ medical: 800_000, repatriation: 200_000, accidentalDeath: 500_000, liability: 500_000, baggage: { total: 5_000, perItem: 1_000 }, delay: { perStep: 300, total: 1_200 } }),
      },
    ],
    rating: { basis: 'age', ageBands: bands(0, [17, 60, 70]), premiums: { standard: [680, 780, 1400].map(yuan), premium: [980, 1120, 2050].map(yuan) }, groupDiscounts: [] },
  },
];

/** Nine demo products from three insurers (R-POL-1). */
export const demoProducts: ProductDefinition[] = drafts.map(withDocuments);
