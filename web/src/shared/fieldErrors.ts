import { ApiError } from '../api/apiError';

export interface FieldError<Field extends string> {
  name: Field;
  errors: string[];
}

/**
 * Splits an API failure into messages for single form fields and whatever is left for an alert.
 * `pointers` maps a problem's JSON pointer ("/body/phone") to a field; `codes` sends a whole problem
 * that is plainly about one field (invalid_phone) to that field, in the server's own words.
 */
export function splitFieldErrors<Field extends string>(
  error: unknown,
  pointers: Readonly<Record<string, Field>>,
  codes: Readonly<Record<string, Field>> = {},
): { fields: FieldError<Field>[]; rest: unknown } {
  if (!(error instanceof ApiError) || !error.isProblem) return { fields: [], rest: error };
  const byCode = codes[error.code];
  if (byCode) return { fields: [{ name: byCode, errors: [error.detail ?? error.title] }], rest: undefined };
  const fields: FieldError<Field>[] = [];
  for (const problem of error.fieldErrors) {
    const name = pointers[problem.pointer];
    if (!name) continue;
    const existing = fields.find((field) => field.name === name);
    if (existing) existing.errors.push(problem.detail);
    else fields.push({ name, errors: [problem.detail] });
  }
  // A validation problem whose fields are all shown needs no alert besides them.
  const unplaced = error.fieldErrors.some((problem) => !pointers[problem.pointer]);
  return { fields, rest: fields.length > 0 && !unplaced ? undefined : error };
}
