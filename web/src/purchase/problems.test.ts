import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/apiError';
import { messagesAt, serverProblemsOf, stepOfPointer, visibleProblems } from './problems';

const invalid = new ApiError({
  status: 422,
  code: 'application_invalid',
  title: '投保信息有误',
  isProblem: true,
  fieldErrors: [
    { pointer: '/body/application/policyholder/person/idDocument/number', detail: '证件号码的校验位（最后一位）不正确，可能有数字输错了，请核对。' },
    { pointer: '/body/application/startDate', detail: '保障最早从明天开始。' },
  ],
});

describe('problems of the purchase form', () => {
  it('R-POL-4 the server’s application problems land on the boxes of the form and their steps', () => {
    const problems = serverProblemsOf(invalid);
    expect(problems.map((problem) => problem.pointer)).toEqual(['/policyholder/person/idDocument/number', '/startDate']);
    expect(problems.map((problem) => stepOfPointer(problem.pointer))).toEqual(['applicant', 'trip']);
    expect(serverProblemsOf(new ApiError({ status: 409, code: 'sale_steps_missing', title: '', isProblem: true }))).toEqual([]);
    expect(serverProblemsOf(new Error('boom'))).toEqual([]);
  });

  it('R-POL-4 a box shows the live check once left, the server’s answer always, each text once', () => {
    const live = [
      { pointer: '/policyholder/person/name', detail: '请填写姓名。' },
      { pointer: '/policyholder/person/phone', detail: '请填写手机号。' },
    ];
    const server = [{ pointer: '/policyholder/person/name', detail: '请填写姓名。' }];
    const shown = visibleProblems(live, server, (pointer) => pointer.endsWith('/name'));
    expect(shown).toEqual([{ pointer: '/policyholder/person/name', detail: '请填写姓名。' }]);
    expect(messagesAt([...shown, ...shown], '/policyholder/person/name')).toEqual(['请填写姓名。']);
  });
});
