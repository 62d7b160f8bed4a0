import localize from 'ajv-i18n';
import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import type { FieldProblem } from '../../errors/app-error.ts';
import type { Language } from '../../errors/error-codes.ts';

type AjvError = Parameters<typeof localize.en>[0] extends (infer E)[] | null | undefined ? E : never;

/**
 * Turns the validator's errors into field problems in the person's language. The messages name
 * limits and formats, never the submitted value, so they cannot echo personal information back.
 */
export function validationProblems(errors: FastifySchemaValidationError[], context: string | undefined, language: Language): FieldProblem[] {
  const copies = errors.map((error) => ({ ...error, params: { ...error.params } })) as unknown as AjvError[];
  (language === 'en' ? localize.en : localize.zh)(copies);
  return copies.map((error) => ({
    pointer: pointerOf(error, context),
    detail: error.message ?? '',
  }));
}

function pointerOf(error: AjvError, context: string | undefined): string {
  const base = `/${context ?? 'body'}${error.instancePath}`;
  const missing = (error.params as { missingProperty?: string }).missingProperty;
  return missing === undefined ? base : `${base}/${missing}`;
}
