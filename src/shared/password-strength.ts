/**
 * Password strength, shared by the server (which refuses weak passwords) and the web page (which
 * shows a meter and advice as the person types). Length matters most; repeated or sequential
 * characters, common passwords and the person's own phone digits count against it.
 */
export type PasswordAdvice = 'too_short' | 'add_letters' | 'add_digits' | 'add_symbol_or_case' | 'avoid_common' | 'avoid_sequences' | 'avoid_phone';

export interface PasswordStrength {
  /** 0 (unusable) … 4 (strong). 2 or more is accepted. */
  score: 0 | 1 | 2 | 3 | 4;
  isAcceptable: boolean;
  advice: PasswordAdvice[];
}

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

const common = new Set([
  'password', 'password1', 'passw0rd', '12345678', '123456789', '1234567890', 'qwertyui', 'qwerty123', 'iloveyou', 'abc12345',
  'a1234567', 'woaini1314', '5201314520', '11111111', '88888888', '00000000', 'admin123', 'aa123456', 'zxcvbnm1', '1q2w3e4r',
]);

export function assessPassword(password: string, personalDigits: string[] = []): PasswordStrength {
  const advice: PasswordAdvice[] = [];
  const hasLetter = /[A-Za-z]/.test(password);
  const hasDigit = /\d/.test(password);
  const hasMixedCase = /[a-z]/.test(password) && /[A-Z]/.test(password);
  const hasSymbol = /[^A-Za-z0-9]/.test(password);
  if (password.length < MIN_PASSWORD_LENGTH) advice.push('too_short');
  if (!hasLetter) advice.push('add_letters');
  if (!hasDigit) advice.push('add_digits');
  if (!hasMixedCase && !hasSymbol) advice.push('add_symbol_or_case');
  const isCommon = common.has(password.toLowerCase());
  if (isCommon) advice.push('avoid_common');
  const hasSequence = /(.)\1{3,}/.test(password) || /(0123|1234|2345|3456|4567|5678|6789|abcd|bcde|qwer|asdf)/i.test(password);
  if (hasSequence) advice.push('avoid_sequences');
  const containsPhone = personalDigits.some((digits) => digits.length >= 6 && password.includes(digits.slice(-6)));
  if (containsPhone) advice.push('avoid_phone');

  let score = 0;
  if (password.length >= MIN_PASSWORD_LENGTH) score += 1;
  if (password.length >= 12) score += 1;
  if (hasLetter && hasDigit) score += 1;
  if (hasMixedCase || hasSymbol) score += 1;
  if (isCommon || containsPhone || password.length < MIN_PASSWORD_LENGTH || !hasLetter || !hasDigit) score = Math.min(score, 1);
  if (hasSequence) score = Math.max(0, score - 1);
  const clamped = Math.min(4, score) as PasswordStrength['score'];
  return { score: clamped, isAcceptable: clamped >= 2 && password.length <= MAX_PASSWORD_LENGTH, advice };
}
