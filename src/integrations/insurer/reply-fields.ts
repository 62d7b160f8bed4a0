import { isCalendarDate } from '../../shared/identity-documents.ts';
import type { AppError } from '../../errors/app-error.ts';
import { field } from './insurer-exchange.ts';
import { insurerFailure } from './insurer-failure.ts';

export interface ReplyFields {
  text(key: string): string;
  fen(key: string): number;
  day(key: string): string;
  instant(key: string): Date;
  optionalInstant(key: string): Date | null;
  optionalFen(key: string): number | null;
  texts(key: string): string[];
}

const MAX_TEXT = 200;

/**
 * Typed reads of an insurer's answer that fail as insurer_bad_response naming the field, never its
 * value: a policy without a number or a refund in fractions of a fen must not reach the platform.
 */
export function replyFields(insurer: string, operation: string, body: unknown): ReplyFields {
  const bad = (key: string): AppError => insurerFailure('insurer_bad_response', `Insurer answer has no valid ${key}`, { insurer, operation, reason: `invalid_${key}` });
  const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_TEXT;
  const isFen = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
  const instantOf = (key: string, value: unknown): Date => {
    const instant = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
    if (Number.isNaN(instant.getTime())) throw bad(key);
    return instant;
  };
  return {
    text(key) {
      const value = field(body, key);
      if (isText(value)) return value;
      throw bad(key);
    },
    fen(key) {
      const value = field(body, key);
      if (isFen(value)) return value;
      throw bad(key);
    },
    day(key) {
      const value = field(body, key);
      if (typeof value === 'string' && isCalendarDate(value)) return value;
      throw bad(key);
    },
    instant: (key) => instantOf(key, field(body, key)),
    optionalInstant(key) {
      const value = field(body, key);
      return value === null || value === undefined ? null : instantOf(key, value);
    },
    optionalFen(key) {
      const value = field(body, key);
      if (value === null || value === undefined) return null;
      if (isFen(value)) return value;
      throw bad(key);
    },
    texts(key) {
      const value = field(body, key);
      if (Array.isArray(value) && value.every(isText)) return value;
      throw bad(key);
    },
  };
}
