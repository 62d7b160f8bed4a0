/**
 * How staff views show personal information until someone unmasks it with a reason (R-SEC-3):
 * enough to recognise a record, not enough to use or copy the value.
 */
export function maskPhone(value: string): string {
  const digits = value.replace(/^\+86/, '');
  return digits.length < 7 ? '****' : `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** 110101199001011234 → 1101**********1234; shorter document numbers keep less: E12345678 → E*****678 */
export function maskIdNumber(value: string): string {
  if (value.length < 8) return '****';
  if (value.length < 12) return `${value.slice(0, 1)}${'*'.repeat(value.length - 4)}${value.slice(-3)}`;
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}

/** 张三 → 张*, 欧阳娜娜 → 欧***, Alice Smith → A**** S**** */
export function maskName(value: string): string {
  const trimmed = value.trim();
  if (/^[\u4e00-\u9fff·]+$/.test(trimmed)) return `${trimmed.slice(0, 1)}${'*'.repeat(Math.max(1, trimmed.length - 1))}`;
  return trimmed
    .split(/\s+/)
    .map((part) => `${part.slice(0, 1)}${'*'.repeat(Math.max(1, part.length - 1))}`)
    .join(' ');
}

/** 6222 0212 3456 7890 → **** **** **** 7890 */
export function maskBankCard(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.length < 8 ? '****' : `**** **** **** ${digits.slice(-4)}`;
}

/** user.name@example.cn → u********@example.cn */
export function maskEmail(value: string): string {
  const [local = '', domain = ''] = value.split('@');
  return `${local.slice(0, 1)}${'*'.repeat(Math.max(1, local.length - 1))}@${domain}`;
}
