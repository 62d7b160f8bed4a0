import { describe, expect, it } from 'vitest';
import { AppError } from './app-error.ts';
import { errorCodes, type ErrorCode } from './error-codes.ts';

describe('AppError', () => {
  it('R-PLAT-1 every error code has a status and a title and detail in both languages', () => {
    for (const [code, definition] of Object.entries(errorCodes)) {
      expect(definition.status, code).toBeGreaterThanOrEqual(400);
      for (const language of ['zh-CN', 'en'] as const) {
        expect(definition.title[language].trim(), `${code} title ${language}`).not.toBe('');
        expect(definition.detail[language].trim(), `${code} detail ${language}`).not.toBe('');
      }
    }
  });

  it('fills placeholders from params and leaves unknown ones visible', () => {
    const error = new AppError('migration_failed', 'x', { params: { migration: '0001_x' } });
    expect(error.userMessage('en')).toBe('Database migration 0001_x failed.');
    expect(error.userMessage('zh-CN')).toBe('数据库迁移 0001_x 执行失败。');
    expect(new AppError('migration_failed', 'x').userMessage('en')).toContain('{migration}');
  });

  it('takes its status from the catalogue', () => {
    const statuses = (['not_found', 'validation_failed', 'rate_limited', 'internal'] as ErrorCode[]).map((code) => new AppError(code, code).status);
    expect(statuses).toEqual([404, 400, 429, 500]);
  });
});
