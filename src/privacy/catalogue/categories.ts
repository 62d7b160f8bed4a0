/**
 * Categories of personal information the platform processes. `sensitive` follows PIPL art. 28 and
 * GB/T 35273-2020 appendix B: such data is encrypted per field and needs separate consent where
 * consent is the basis.
 */
export const dataCategories = {
  'identity.name': { sensitive: false, zh: '姓名', en: 'Name' },
  'identity.government_id': { sensitive: true, zh: '身份证件号码', en: 'Government ID number' },
  'identity.internal_id': { sensitive: false, zh: '平台内部标识', en: 'Platform identifier' },
  'identity.gender': { sensitive: false, zh: '性别', en: 'Gender' },
  'identity.employer': { sensitive: false, zh: '工作单位', en: 'Employer' },
  'identity.birth_date': { sensitive: false, zh: '出生日期', en: 'Date of birth' },
  'identity.occupation': { sensitive: false, zh: '职业类别', en: 'Occupation class' },
  'insurance.policy': { sensitive: false, zh: '投保与保单信息', en: 'Application and policy details' },
  'profile.note': { sensitive: false, zh: '本人填写的补充信息', en: 'Other information the person added' },
  'contact.phone': { sensitive: false, zh: '手机号码', en: 'Mobile number' },
  'contact.email': { sensitive: false, zh: '电子邮箱', en: 'E-mail address' },
  'contact.address': { sensitive: false, zh: '地址', en: 'Address' },
  'financial.bank_card': { sensitive: true, zh: '银行卡信息', en: 'Bank card' },
  'health.declaration': { sensitive: true, zh: '健康告知', en: 'Health declaration' },
  'health.medical_record': { sensitive: true, zh: '病历与诊断资料', en: 'Medical records' },
  minor: { sensitive: true, zh: '未成年人信息', en: "Minors' data" },
  'credentials.secret': { sensitive: true, zh: '账户认证信息（密码、验证码、动态口令密钥）', en: 'Authentication secrets (passwords, codes, TOTP keys)' },
  device: { sensitive: false, zh: '设备信息', en: 'Device information' },
  'network.ip': { sensitive: false, zh: 'IP 地址与网络位置', en: 'IP address and network' },
  'activity.access_record': { sensitive: false, zh: '访问与操作记录', en: 'Access and activity records' },
  'staff.identity': { sensitive: false, zh: '员工身份信息', en: 'Staff identity' },
  'claim.incident': { sensitive: false, zh: '出险信息', en: 'Incident details' },
} as const satisfies Record<string, { sensitive: boolean; zh: string; en: string }>;

export type DataCategory = keyof typeof dataCategories;

/** The legal bases of PIPL art. 13 (privacy policy §3.7). */
export const legalBases = {
  consent: { zh: '取得个人的同意', en: 'Consent of the person' },
  contract: { zh: '订立、履行个人作为一方当事人的合同所必需', en: 'Necessary to conclude or perform a contract with the person' },
  hr_management: { zh: '实施人力资源管理所必需', en: 'Necessary for human-resources management' },
  legal_obligation: { zh: '履行法定职责或者法定义务所必需', en: 'Necessary to fulfil a legal duty or obligation' },
  public_health: { zh: '应对突发公共卫生事件，或紧急情况下保护生命健康和财产安全所必需', en: 'Public-health emergencies, or protecting life, health and property in an emergency' },
  public_interest_reporting: { zh: '为公共利益实施新闻报道、舆论监督等行为，在合理的范围内处理', en: 'News reporting and public-opinion oversight in the public interest' },
  publicly_disclosed: { zh: '在合理的范围内处理个人自行公开或者其他已经合法公开的个人信息', en: 'Information the person or the law has already made public' },
} as const;

export type LegalBasis = keyof typeof legalBases;
