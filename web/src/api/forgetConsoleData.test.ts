import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { forgetConsoleData } from './forgetConsoleData';
import { queryKeys } from './queryKeys';

describe('forgetConsoleData', () => {
  it('drops every console answer but the session, and leaves the customer site alone', () => {
    const queryClient = new QueryClient();
    for (const key of [queryKeys.consoleSession, queryKeys.staffList, queryKeys.dataMap, queryKeys.recipients, queryKeys.alertList(true), queryKeys.accountOverview]) {
      queryClient.setQueryData(key, 'cached');
    }
    forgetConsoleData(queryClient);
    const left = queryClient
      .getQueryCache()
      .getAll()
      .map((query) => query.queryKey);
    expect(left).toEqual([queryKeys.consoleSession, queryKeys.accountOverview]);
  });
});
