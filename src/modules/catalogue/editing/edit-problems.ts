import { AppError, type FieldProblem } from '../../../errors/app-error.ts';
import type { Language } from '../../../errors/error-codes.ts';
import { sayIn, type Say } from '../in-language.ts';

/**
 * Collects the problems of one console edit, each said in the staff member's language next to the
 * field it points at (`/plans/0/coverages/1/sumInsuredFen`), so the page can show every problem at once.
 */
export class EditProblems {
  readonly list: FieldProblem[] = [];
  private readonly inLanguage: Say;
  constructor(language: Language) {
    this.inLanguage = sayIn(language);
  }

  say(pointer: string, zh: string, en: string): void {
    this.list.push({ pointer, detail: this.inLanguage(zh, en) });
  }

  /** A text both required and bounded (counted in characters as people see them). */
  text(pointer: string, value: string, maxLength: number): void {
    if (value.trim() === '') this.say(pointer, '不能为空', 'Required');
    else if ([...value].length > maxLength) this.say(pointer, `最多 ${maxLength} 个字符`, `At most ${maxLength} characters`);
  }

  /** An optional text, bounded. */
  optionalText(pointer: string, value: string, maxLength: number): void {
    if ([...value].length > maxLength) this.say(pointer, `最多 ${maxLength} 个字符`, `At most ${maxLength} characters`);
  }

  /** A whole number within [min, max]. */
  integer(pointer: string, value: number, min: number, max: number): void {
    if (!Number.isInteger(value) || value < min || value > max) this.say(pointer, `应为 ${min} 至 ${max} 之间的整数`, `A whole number from ${min} to ${max}`);
  }

  /** Values of a list that appear more than once are pointed at, each repeat by its index. */
  unique(pointer: string, values: readonly string[]): void {
    values.forEach((value, index) => {
      if (values.indexOf(value) !== index) this.say(`${pointer}/${index}`, `“${value}”重复`, `“${value}” appears twice`);
    });
  }

  /** Throws catalogue_edit_invalid with every problem when there is any; nothing has been stored. */
  refuseIfAny(what: string): void {
    if (this.list.length > 0) throw new AppError('catalogue_edit_invalid', `${what} refused: ${this.list.length} problem(s)`, { params: { count: this.list.length }, errors: this.list });
  }
}

/** product_sold_terms_frozen, pointing at each field a sold product keeps as it was sold. */
export function soldTermsFrozen(message: string, pointers: readonly string[], language: Language): AppError {
  const problems = new EditProblems(language);
  for (const pointer of pointers) problems.say(pointer, '已售产品不可修改', 'Cannot change on a sold product');
  return new AppError('product_sold_terms_frozen', message, { errors: problems.list });
}
