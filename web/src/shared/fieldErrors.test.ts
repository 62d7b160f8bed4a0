import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/apiError';
import { splitFieldErrors } from './fieldErrors';

const problem = (code: string, fieldErrors: { pointer: string; detail: string }[] = []) =>
  new ApiError({ status: 400, code, title: '填写内容有误', detail: '请根据提示修改后重新提交。', isProblem: true, fieldErrors });

describe('splitFieldErrors', () => {
  it('puts pointed problems next to their fields and needs no alert when all are placed', () => {
    const error = problem('validation_failed', [
      { pointer: '/body/code', detail: '应当匹配模式' },
      { pointer: '/body/code', detail: '长度不对' },
    ]);
    expect(splitFieldErrors(error, { '/body/code': 'code' })).toEqual({ fields: [{ name: 'code', errors: ['应当匹配模式', '长度不对'] }], rest: undefined });
  });

  it('keeps the alert when some problem points at no field of the form', () => {
    const error = problem('validation_failed', [{ pointer: '/body/other', detail: 'x' }]);
    expect(splitFieldErrors(error, { '/body/code': 'code' })).toEqual({ fields: [], rest: error });
  });

  it('sends a problem about one field to that field by its code', () => {
    const error = new ApiError({ status: 400, code: 'invalid_phone', title: '手机号码无效', detail: '请输入有效的中国大陆手机号码。', isProblem: true });
    expect(splitFieldErrors(error, {}, { invalid_phone: 'phone' })).toEqual({ fields: [{ name: 'phone', errors: ['请输入有效的中国大陆手机号码。'] }], rest: undefined });
  });

  it('leaves other failures for the alert', () => {
    const error = new Error('boom');
    expect(splitFieldErrors(error, { '/body/code': 'code' })).toEqual({ fields: [], rest: error });
  });
});
