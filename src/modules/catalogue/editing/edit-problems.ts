import { AppError, type FieldProblem } from '../../../errors/app-error.ts';
import type { Language } from '../../../errors/error-codes.ts';

/**
 * Collects the problems of one console edit, each said in the staff member's language next to the
 * field it points at (`/plans/0/coverages/1/sumInsuredFen`), so the page can show every problem at once.
 */
export class EditProblems {
  readonly list: FieldProblem[] = [];
  constructor(private readonly language: Language) {}

  say(pointer: string, zh: string, en: string): void {
    this.list.push({ pointer, detail: this.language === 'en' ? en : zh });
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
