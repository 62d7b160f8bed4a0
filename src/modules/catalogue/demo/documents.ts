import type { CoverageItem, ProductType } from '../../../shared/catalogue/terms.ts';
import type { DocumentDefinition } from '../import-product.ts';
import type { HealthQuestion } from '../schema.ts';

/**
 * The demo products' 条款, 投保须知, 责任免除 and 健康告知, written for this project (not any insurer's
 * wording), from a product's own facts so each product's texts say its limits.
 */
export interface DocumentFacts {
  type: ProductType;
  nameZh: string;
  nameEn: string;
  insurerZh: string;
  insurerEn: string;
  claimsHotline: string;
  minAge: number;
  maxAge: number;
  minDays: number;
  maxDays: number;
  maxTripDays?: number;
  coolingOffDays: number;
  territoryZh: string;
  territoryEn: string;
  items: readonly CoverageItem[];
  schengen?: boolean;
}

const itemClauses: Record<CoverageItem, { zh: string; en: string }> = {
  medical: {
    zh: '**意外及突发疾病医疗**：被保险人在保险区域内因意外伤害或突发急性病在当地合法医院发生的必要且合理的门急诊和住院医疗费用，在保险金额内按约定比例赔付。',
    en: '**Medical expenses**: necessary and reasonable outpatient, emergency and hospital costs at a licensed hospital in the covered area after an accident or sudden acute illness, up to the sum insured.',
  },
  emergency_evacuation: {
    zh: '**紧急医疗转运**：经救援机构或医生确认需要转运的，保险人承担将被保险人转运至最近的适当医院或送返国内的费用。',
    en: '**Emergency evacuation**: when the assistance company or a doctor decides it is needed, the cost of moving the insured person to the nearest suitable hospital or home to China.',
  },
  repatriation: {
    zh: '**身故遗返**：被保险人在保险区域内身故的，保险人承担遗体或骨灰运返国内或就地安葬的合理费用。',
    en: '**Repatriation of remains**: if the insured person dies in the covered area, the reasonable cost of returning the remains or ashes to China, or of a local burial.',
  },
  accidental_death: {
    zh: '**意外身故及伤残**：被保险人因意外伤害身故的，给付身故保险金；致残的，按伤残等级对应比例给付伤残保险金。未成年人身故保险金按监管规定的限额给付。',
    en: '**Accidental death and disability**: the sum insured on death from an accident; on disability, the share of it set by the disability grade. For minors, death benefits are limited as regulations require.',
  },
  accident_medical: {
    zh: '**意外医疗**：被保险人因意外伤害发生的必要医疗费用，扣除免赔额后按约定比例赔付。',
    en: '**Accident medical expenses**: necessary medical costs after an accident, above the deductible, at the agreed share.',
  },
  general_medical: {
    zh: '**一般医疗**：被保险人在等待期后因疾病或意外住院、特殊门诊、门诊手术发生的合理医疗费用，扣除年免赔额后赔付。',
    en: '**General medical expenses**: reasonable costs of hospital stays, special outpatient care and day surgery after the waiting period, above the yearly deductible.',
  },
  critical_illness_medical: {
    zh: '**重大疾病医疗**：被保险人在等待期后初次确诊条款所列重大疾病所发生的合理医疗费用，不设免赔额。',
    en: '**Critical illness medical expenses**: reasonable costs of treating a listed critical illness first diagnosed after the waiting period, without deductible.',
  },
  hospital_cash: {
    zh: '**住院津贴**：被保险人因意外伤害住院的，按实际住院天数给付津贴，每次住院扣除免赔天数。',
    en: '**Hospital cash**: a daily amount for each day in hospital after an accident, after the deductible days of each stay.',
  },
  personal_liability: {
    zh: '**个人责任**：被保险人在保险区域内因过失造成第三者人身伤亡或财产损失，依法应承担的经济赔偿责任。',
    en: '**Personal liability**: what the insured person is legally liable to pay for injury to others or damage to their property caused by negligence in the covered area.',
  },
  baggage: {
    zh: '**随身财产**：被保险人随身携带的行李物品因盗抢或意外事故遭受的损失，每件物品以约定限额为限。',
    en: '**Personal belongings**: loss of luggage and belongings carried on the trip through theft, robbery or an accident, within a limit per item.',
  },
  trip_delay: {
    zh: '**旅行延误**：被保险人预定乘坐的公共交通工具因恶劣天气、机械故障等原因延误的，按延误时长给付。',
    en: '**Travel delay**: a payment by length of delay when the booked public transport is delayed by bad weather, a mechanical fault or similar causes.',
  },
  trip_cancellation: {
    zh: '**行程取消**：出发前因被保险人或其直系亲属身故、重病住院等原因取消行程的，赔付无法退还的已付旅行费用。',
    en: '**Trip cancellation**: non-refundable travel costs already paid when the trip is cancelled before departure because the insured person or a close relative dies or is hospitalised.',
  },
  document_loss: {
    zh: '**旅行证件遗失**：护照等旅行证件被盗抢或遗失的，赔付补办证件的合理费用。',
    en: '**Loss of travel documents**: reasonable costs of replacing a passport or other travel document that was stolen or lost.',
  },
  emergency_assistance: {
    zh: '**24 小时紧急救援**：提供电话医疗咨询、就医安排、担保住院押金等救援服务。',
    en: '**24-hour emergency assistance**: medical advice by phone, arranging care and guaranteeing hospital deposits.',
  },
};

const isTravel = (type: ProductType) => type === 'outbound_travel' || type === 'domestic_travel' || type === 'annual_multi_trip';

function periodClause(facts: DocumentFacts): { zh: string; en: string } {
  if (facts.type === 'annual_multi_trip') {
    return {
      zh: `保险期间为一年，以保险单载明的起止日期为准。保险期间内被保险人可多次出行，每次连续出行最长 ${facts.maxTripDays ?? 90} 天，超过部分不承担保险责任。`,
      en: `The policy runs for one year, between the dates on the policy. The insured person may travel any number of times; each trip is covered for at most ${facts.maxTripDays ?? 90} consecutive days.`,
    };
  }
  if (facts.minDays === facts.maxDays) {
    return { zh: `保险期间为 ${facts.maxDays} 天，以保险单载明的起止日期为准。`, en: `The policy runs for ${facts.maxDays} days, between the dates on the policy.` };
  }
  const schengen = facts.schengen
    ? { zh: '用于申根签证的，保险期间须覆盖在申根区域的全部停留期间。', en: ' For a Schengen visa, the policy must cover the whole stay in the Schengen area.' }
    : { zh: '', en: '' };
  return {
    zh: `保险期间以保险单载明的起止日期为准，最短 ${facts.minDays} 天，最长 ${facts.maxDays} 天。${schengen.zh}`,
    en: `The policy runs between the dates on the policy: at least ${facts.minDays} and at most ${facts.maxDays} days.${schengen.en}`,
  };
}

function cancellationClause(facts: DocumentFacts): { zh: string; en: string } {
  if (facts.coolingOffDays > 0) {
    return {
      zh: `自投保人收到电子保险单之日起 ${facts.coolingOffDays} 日内为犹豫期。犹豫期内解除合同的，保险人退还全部保险费；犹豫期后解除合同的，退还未满期净保险费。`,
      en: `The ${facts.coolingOffDays} days after the policyholder receives the e-policy are a cooling-off period: cancelling within it refunds the whole premium; cancelling later refunds the unearned net premium.`,
    };
  }
  return {
    zh: '保险责任开始前，投保人可申请解除合同，保险人退还全部保险费；保险责任开始后原则上不予退保，行程变更可在保险责任开始前申请改期。',
    en: 'Before cover starts, the policyholder may cancel and receives the whole premium back. Once cover has started the policy cannot normally be cancelled; travel dates can be changed before cover starts.',
  };
}

export function termsDocument(facts: DocumentFacts): DocumentDefinition {
  const period = periodClause(facts);
  const cancellation = cancellationClause(facts);
  const causeZh = isTravel(facts.type) ? '在旅行期间' : '在保险期间内';
  const causeEn = isTravel(facts.type) ? 'while travelling' : 'during the policy period';
  return {
    kind: 'terms',
    titleZh: `${facts.nameZh}条款`,
    titleEn: `${facts.nameEn}: policy terms`,
    bodyZh: [
      `本条款由${facts.insurerZh}（以下简称“保险人”）制定，适用于${facts.nameZh}。`,
      '## 第一条 合同构成',
      '本保险合同由本条款、投保单、电子保险单、批单以及双方约定的其他书面文件构成。',
      '## 第二条 被保险人与投保人',
      `投保时年满 ${facts.minAge} 周岁、不超过 ${facts.maxAge} 周岁的自然人可作为被保险人。投保人可以是被保险人本人，或依《保险法》第三十一条对被保险人具有保险利益的人；为他人投保的，须经被保险人同意。`,
      '## 第三条 保险区域',
      `本保险的保险区域为：${facts.territoryZh}。`,
      '## 第四条 保险责任',
      `被保险人${causeZh}，在保险区域内发生下列保险事故的，保险人按保险单载明的保险金额和免赔额承担保险责任：`,
      ...facts.items.map((item) => `- ${itemClauses[item].zh}`),
      '## 第五条 责任免除',
      '责任免除事项列于《责任免除》，保险人已在投保页面以显著方式提示，请投保人和被保险人仔细阅读。',
      '## 第六条 保险期间',
      period.zh,
      '## 第七条 犹豫期与解除合同',
      cancellation.zh,
      '## 第八条 保险金申请',
      `发生保险事故后，请及时拨打理赔热线 ${facts.claimsHotline} 报案，并提供保险单号、事故证明、医疗票据等材料。保险人在收到完整材料后依法及时核定。`,
      '## 第九条 争议处理',
      '因本合同发生的争议，由当事人协商解决；协商不成的，可依法向人民法院起诉或按约定申请仲裁。',
    ].join('\n\n'),
    bodyEn: [
      `These terms are set by ${facts.insurerEn} (“the insurer”) for ${facts.nameEn}.`,
      '## 1. The contract',
      'The contract consists of these terms, the application, the e-policy, any endorsements and other written agreements between the parties.',
      '## 2. Insured persons and policyholder',
      `Anyone aged ${facts.minAge} to ${facts.maxAge} when the policy is bought can be insured. The policyholder is the insured person or someone with an insurable interest in them under Article 31 of the Insurance Law; insuring someone else needs their consent.`,
      '## 3. Covered area',
      `The policy covers: ${facts.territoryEn}.`,
      '## 4. What is covered',
      `If one of the following happens to the insured person ${causeEn} in the covered area, the insurer pays up to the sums insured and above the deductibles on the policy:`,
      ...facts.items.map((item) => `- ${itemClauses[item].en}`),
      '## 5. Exclusions',
      'What is not covered is listed in the Exclusions, which the insurer shows prominently before purchase. Please read them carefully.',
      '## 6. Period of cover',
      period.en,
      '## 7. Cooling-off and cancellation',
      cancellation.en,
      '## 8. Making a claim',
      `Report a claim promptly on ${facts.claimsHotline} and send the policy number, proof of what happened and medical bills. The insurer decides promptly once it has everything it needs.`,
      '## 9. Disputes',
      'Disputes are settled by negotiation; failing that, in the people’s courts or by arbitration where agreed.',
    ].join('\n\n'),
  };
}

export function purchaseNoticeDocument(facts: DocumentFacts): DocumentDefinition {
  const cancellation = cancellationClause(facts);
  return {
    kind: 'purchase_notice',
    titleZh: `${facts.nameZh}投保须知`,
    titleEn: `${facts.nameEn}: purchase notice`,
    bodyZh: [
      `1. 本产品由${facts.insurerZh}承保，本平台作为保险经纪人代为销售和提供服务。`,
      `2. 被保险人投保年龄为 ${facts.minAge} 至 ${facts.maxAge} 周岁；保险区域为${facts.territoryZh}。`,
      '3. 请确保填写的信息真实、准确、完整。根据《保险法》第十六条，投保人故意或因重大过失未履行如实告知义务的，保险人有权解除合同并可能不承担赔偿责任。',
      '4. 本产品仅收集承保和理赔所必需的信息，投保页面会列明本产品需要填写的项目。',
      `5. ${cancellation.zh}`,
      facts.schengen ? '6. 申根签证用途的方案满足申根签证对医疗及遗返保障（不低于 3 万欧元）的要求，请确保保险期间覆盖全部行程。' : '6. 请根据行程选择合适的保险期间和保障方案。',
      `7. 理赔热线：${facts.claimsHotline}。`,
    ].join('\n\n'),
    bodyEn: [
      `1. This product is underwritten by ${facts.insurerEn}. The platform sells and services it as an insurance broker.`,
      `2. Insured persons must be aged ${facts.minAge} to ${facts.maxAge}. The covered area is: ${facts.territoryEn}.`,
      '3. Please give true, accurate and complete information. Under Article 16 of the Insurance Law, if the policyholder intentionally or through gross negligence fails to disclose facts, the insurer may cancel the contract and may refuse to pay claims.',
      '4. This product asks only for what underwriting and claims need; the application page lists the fields this product requires.',
      `5. ${cancellation.en}`,
      facts.schengen
        ? '6. Plans marked for Schengen visas meet the visa requirement of at least EUR 30,000 for medical care and repatriation. Make sure the policy covers your whole stay.'
        : '6. Choose the period of cover and the plan that fit your trip.',
      `7. Claims hotline: ${facts.claimsHotline}.`,
    ].join('\n\n'),
  };
}

const commonExclusions = [
  { zh: '投保人、被保险人或受益人的故意行为，被保险人自致伤害或自杀（无民事行为能力人除外）；', en: 'Intentional acts of the policyholder, insured person or beneficiary; self-inflicted injury or suicide (except by a person without civil capacity);' },
  { zh: '被保险人殴斗、醉酒，主动吸食或注射毒品；', en: 'Fighting, drunkenness, or taking drugs;' },
  { zh: '被保险人酒后驾驶、无合法有效驾驶证驾驶，或驾驶无有效行驶证的机动车；', en: 'Driving after drinking, without a valid licence, or a vehicle without valid registration;' },
  { zh: '战争、军事冲突、暴乱、恐怖活动或武装叛乱；', en: 'War, military conflict, riot, terrorism or armed rebellion;' },
  { zh: '核爆炸、核辐射或核污染；', en: 'Nuclear explosion, radiation or contamination;' },
];

const exclusionsByType: Record<ProductType, Array<{ zh: string; en: string }>> = {
  outbound_travel: [
    { zh: '被保险人投保前已患有的疾病（既往症）及其并发症；', en: 'Illness the insured person had before the policy (pre-existing conditions) and its complications;' },
    { zh: '潜水、跳伞、攀岩、探险、武术比赛、特技表演、赛马、赛车等高风险运动；', en: 'High-risk activities: diving, parachuting, rock climbing, expeditions, martial-arts contests, stunts, horse or motor racing;' },
    { zh: '妊娠、流产、分娩及其并发症；', en: 'Pregnancy, miscarriage, childbirth and their complications;' },
    { zh: '前往中国政府明确建议暂勿前往的国家或地区；', en: 'Travel to a country or region the Chinese government advises against visiting;' },
  ],
  domestic_travel: [
    { zh: '被保险人投保前已患有的疾病及其并发症；', en: 'Pre-existing illness and its complications;' },
    { zh: '潜水、跳伞、攀岩、探险、漂流等高风险运动；', en: 'High-risk activities such as diving, parachuting, rock climbing, expeditions or rafting;' },
    { zh: '被保险人从事职业活动期间发生的意外；', en: 'Accidents while the insured person is at work;' },
  ],
  accident: [
    { zh: '被保险人因疾病（包括猝死）导致的身故或伤残；', en: 'Death or disability caused by illness (including sudden death);' },
    { zh: '被保险人从事与所选职业类别不符的更高风险职业时发生的意外；', en: 'Accidents in an occupation of a higher class than the one chosen;' },
    { zh: '整容手术或其他内、外科手术导致的医疗事故；', en: 'Medical accidents in cosmetic or other surgery;' },
  ],
  short_term_medical: [
    { zh: '投保前已患有且未如实告知的疾病（既往症）；', en: 'Pre-existing conditions not disclosed when applying;' },
    { zh: '等待期（30 天）内发生的疾病及其治疗费用（意外伤害除外）；', en: 'Illness arising in the 30-day waiting period and its treatment (accidents excepted);' },
    { zh: '美容、整形、健康体检、疗养、康复治疗、牙齿保健及矫正；', en: 'Cosmetic treatment, check-ups, convalescence, rehabilitation, dental care and orthodontics;' },
    { zh: '不孕不育治疗、人工授精、妊娠及分娩；', en: 'Fertility treatment, pregnancy and childbirth;' },
  ],
  annual_multi_trip: [
    { zh: '被保险人投保前已患有的疾病（既往症）及其并发症；', en: 'Pre-existing conditions and their complications;' },
    { zh: '单次连续出行超过约定天数的部分；', en: 'Any part of a single trip beyond the agreed number of days;' },
    { zh: '潜水、跳伞、攀岩、探险等高风险运动；', en: 'High-risk activities such as diving, parachuting, rock climbing or expeditions;' },
    { zh: '妊娠、流产、分娩及其并发症；', en: 'Pregnancy, miscarriage, childbirth and their complications;' },
  ],
};

export function exclusionsDocument(facts: DocumentFacts): DocumentDefinition {
  const list = [...commonExclusions, ...exclusionsByType[facts.type]];
  return {
    kind: 'exclusions',
    titleZh: `${facts.nameZh}责任免除`,
    titleEn: `${facts.nameEn}: exclusions`,
    bodyZh: ['**因下列情形之一导致保险事故的，保险人不承担给付保险金的责任。请您在投保前仔细阅读：**', ...list.map((entry, index) => `${index + 1}. ${entry.zh}`)].join('\n\n'),
    bodyEn: ['**The insurer does not pay when a loss is caused by any of the following. Please read them carefully before you buy:**', ...list.map((entry, index) => `${index + 1}. ${entry.en}`)].join('\n\n'),
  };
}

/** Medical cover pays for illness: its questions look for illnesses already there. */
const illnessQuestions: HealthQuestion[] = [
  { id: 'hospital_2y', zh: '过去两年内是否曾住院，或被医生建议住院或手术？', en: 'In the past two years, has the insured person been in hospital, or been advised to have a hospital stay or surgery?' },
  { id: 'serious_illness', zh: '是否患有或曾被诊断患有恶性肿瘤、心脑血管疾病、糖尿病、慢性肝肾疾病或精神疾病？', en: 'Does the insured person have, or have they ever been diagnosed with, cancer, heart or cerebrovascular disease, diabetes, chronic liver or kidney disease, or a mental illness?' },
  { id: 'abnormal_results', zh: '过去一年内是否有体检或检查结果异常（如结节、肿块、指标异常）尚未明确诊断或治疗？', en: 'In the past year, has a check-up or test shown something abnormal (a nodule, a lump, abnormal values) that has not been diagnosed or treated?' },
  { id: 'current_treatment', zh: '目前是否正在服药或接受治疗（不含感冒等短期轻症）？', en: 'Is the insured person taking medicine or being treated now (apart from short, minor illnesses such as a cold)?' },
  { id: 'declined_before', zh: '是否曾被保险公司拒保、延期承保或附加条件承保？', en: 'Has an insurer ever declined, postponed or restricted cover for the insured person?' },
];

/** Accident cover pays for injuries: its questions look for what makes falls and injuries likely. */
const injuryRiskQuestions: HealthQuestion[] = [
  { id: 'balance_conditions', zh: '是否患有影响行走或平衡的疾病，如帕金森病、脑卒中（中风）后遗症、癫痫、眩晕症或严重骨质疏松？', en: 'Does the insured person have an illness that affects walking or balance, such as Parkinson’s disease, after-effects of a stroke, epilepsy, vertigo or severe osteoporosis?' },
  { id: 'injury_hospital_2y', zh: '过去两年内是否曾因跌倒、骨折或其他意外伤害住院治疗？', en: 'In the past two years, has the insured person been treated in hospital after a fall, a fracture or another accident?' },
  { id: 'senses_cognition', zh: '是否有严重的视力或听力障碍，或患有阿尔茨海默病等认知障碍？', en: 'Does the insured person have a serious sight or hearing impairment, or Alzheimer’s disease or another cognitive impairment?' },
  { id: 'daily_living', zh: '目前是否需要他人协助完成行走、穿衣、进食、洗澡等日常活动，或需使用轮椅？', en: 'Does the insured person need help from others to walk, dress, eat or wash, or use a wheelchair?' },
];

export function healthDeclarationDocument(facts: DocumentFacts): DocumentDefinition {
  return {
    kind: 'health_declaration',
    titleZh: `${facts.nameZh}健康告知`,
    titleEn: `${facts.nameEn}: health declaration`,
    bodyZh: '请被保险人如实回答以下问题。如有任何一项回答“是”，本产品将无法承保。未如实告知的，保险人有权依据《保险法》第十六条解除合同。您的回答属于敏感个人信息，将加密保存，仅用于核保和理赔。',
    bodyEn: 'Please answer the following questions truthfully for the insured person. If any answer is “yes”, this product cannot cover them. Untrue answers allow the insurer to cancel the contract under Article 16 of the Insurance Law. Your answers are sensitive personal information: they are stored encrypted and used only for underwriting and claims.',
    questions: facts.type === 'accident' ? injuryRiskQuestions : illnessQuestions,
  };
}

export function documentsFor(facts: DocumentFacts, withHealthDeclaration = false): DocumentDefinition[] {
  const documents = [termsDocument(facts), purchaseNoticeDocument(facts), exclusionsDocument(facts)];
  return withHealthDeclaration ? [...documents, healthDeclarationDocument(facts)] : documents;
}
