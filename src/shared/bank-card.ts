// Shared by the server and the web app (bundled by Vite): no Node or DOM imports here.

/** Card numbers as people type them: spaces and dashes between the groups of digits. */
export function normaliseBankCard(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s-]+/g, '');
}

/**
 * 12–19 digits whose last is the Luhn (ISO/IEC 7812-1) check digit: catches every mistyped digit and
 * most swapped neighbours before a payment or a refund goes to a number that cannot exist.
 */
export function isValidBankCard(raw: string): boolean {
  const digits = normaliseBankCard(raw);
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let value = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) value = value * 2 > 9 ? value * 2 - 9 : value * 2;
    sum += value;
  }
  return sum % 10 === 0;
}
