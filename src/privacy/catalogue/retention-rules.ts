/**
 * How long each kind of record is kept, as rules the retention sweeper can compute from a record's
 * own dates. Insurance records follow 保险法 art. 87: at least 5 years after a contract of up to one
 * year ends, 10 years after a longer one.
 */
export const retentionRules = {
  until_account_closed: { swept: true, zh: '账户注销后 30 天内删除或匿名化', en: 'Deleted or anonymised within 30 days after the account is closed' },
  insurance_record: { swept: true, zh: '保险合同终止后保存 5 年（保险期间一年以内）或 10 年（一年以上）', en: '5 years after the contract ends (terms of up to a year), 10 years otherwise' },
  security_log_6_months: { swept: true, zh: '保存 6 个月', en: '6 months' },
  // Chained entries cannot be cut out one by one without breaking verification; see ARCHITECTURE.md.
  audit_record_5_years: { swept: false, zh: '保存 5 年，期间不可修改', en: '5 years, unalterable' },
  session_lifetime: { swept: true, zh: '会话结束或过期后 30 天内删除', en: 'Deleted within 30 days after the session ends or expires' },
  short_lived_secret: { swept: true, zh: '使用或过期后 1 天内删除', en: 'Deleted within a day of use or expiry' },
  until_consent_withdrawn: { swept: true, zh: '撤回同意前保存', en: 'Until consent is withdrawn' },
  marketing_record_1_year: { swept: true, zh: '发送后保存 1 年', en: '1 year after sending' },
  consent_evidence: { swept: true, zh: '被新的决定取代后保存 5 年，用以证明处理合法', en: '5 years after a newer decision replaces it, as proof that processing was lawful' },
  draft_30_days: { swept: true, zh: '最后修改后 30 天内删除', en: 'Deleted 30 days after the last change' },
  employment: { swept: false, zh: '劳动关系存续期间及其后依法保存', en: 'During employment and as the law requires after it' },
} as const satisfies Record<string, { swept: boolean; zh: string; en: string }>;

export type RetentionRule = keyof typeof retentionRules;

/** The retain-until of an insurance record (R-STO-2). */
export function insuranceRecordRetainUntil(contractStart: Date, contractEnd: Date): Date {
  const termDays = (contractEnd.getTime() - contractStart.getTime()) / 86_400_000;
  const years = termDays <= 366 ? 5 : 10;
  const until = new Date(contractEnd);
  until.setUTCFullYear(until.getUTCFullYear() + years);
  return until;
}
