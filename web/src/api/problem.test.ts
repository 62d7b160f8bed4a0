import { describe, expect, it } from 'vitest';
import { parseProblem } from './problem';

describe('parseProblem', () => {
  it('keeps the field problems that have a pointer and a detail', () => {
    const problem = parseProblem({
      title: '填写内容有误',
      status: 400,
      code: 'validation_failed',
      errors: [{ pointer: '/body/phone', detail: '必须填写' }, { pointer: 3 }, 'x'],
    });
    expect(problem?.errors).toEqual([{ pointer: '/body/phone', detail: '必须填写' }]);
  });

  it('gives an empty list when the problem has no field problems', () => {
    expect(parseProblem({ title: '请先登录', status: 401, code: 'unauthorized' })?.errors).toEqual([]);
  });

  it('refuses bodies without a title and status', () => {
    expect(parseProblem({ detail: 'x' })).toBeUndefined();
    expect(parseProblem([])).toBeUndefined();
  });
});
