import { describe, expect, it } from 'vitest';
import { ApiError } from './apiError';
import { consoleMutationKey, queryKeys } from './queryKeys';
import { sessionQueryToRecheck } from './sessionLoss';

const unauthorized = new ApiError({ status: 401, code: 'unauthorized', title: '请先登录', isProblem: true });
const forbidden = new ApiError({ status: 403, code: 'forbidden', title: '无权访问', isProblem: true });

describe('sessionQueryToRecheck', () => {
  it('rechecks the customer session when an account query is refused with 401', () => {
    expect(sessionQueryToRecheck(queryKeys.accountOverview, unauthorized)).toEqual(queryKeys.siteSession);
  });

  it('rechecks the staff session when a console query is refused with 401', () => {
    expect(sessionQueryToRecheck(queryKeys.staffList, unauthorized)).toEqual(queryKeys.consoleSession);
  });

  it('rechecks the staff session when a console action is refused with 401', () => {
    expect(sessionQueryToRecheck(consoleMutationKey('audit-search'), unauthorized)).toEqual(queryKeys.consoleSession);
  });

  it('leaves other failures, and the session queries themselves, alone', () => {
    expect(sessionQueryToRecheck(queryKeys.staffList, forbidden)).toBeUndefined();
    expect(sessionQueryToRecheck(queryKeys.consoleSession, unauthorized)).toBeUndefined();
    expect(sessionQueryToRecheck(['site', 'operator', 'zh-CN'], unauthorized)).toBeUndefined();
    expect(sessionQueryToRecheck(queryKeys.accountOverview, new Error('x'))).toBeUndefined();
  });
});
