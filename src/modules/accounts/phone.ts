import { AppError } from '../../errors/app-error.ts';
import { parseMainlandMobile } from '../../shared/mobile-phone.ts';

export { maskMobile } from '../../shared/mobile-phone.ts';

/**
 * A mainland China mobile number in E.164 (+8613800138000), from whatever people type: spaces,
 * dashes, with or without +86. Anything else is refused with invalid_phone (the value is never echoed).
 */
export function normaliseMobile(input: string): string {
  const phone = parseMainlandMobile(input);
  if (phone === null) throw new AppError('invalid_phone', 'Not a valid mainland mobile number');
  return phone;
}
