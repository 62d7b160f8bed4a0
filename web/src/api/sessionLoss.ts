import type { QueryKey } from '@tanstack/react-query';
import { ApiError } from './apiError';
import { queryKeys } from './queryKeys';

/**
 * When a query that needs a signed-in person is refused with 401, the session has ended (expired,
 * signed out elsewhere, staff account disabled). The answer is the session query to ask again, whose
 * new answer makes the page send the person to sign in; undefined when nothing needs rechecking.
 */
export function sessionQueryToRecheck(queryKey: QueryKey, error: unknown): QueryKey | undefined {
  if (!(error instanceof ApiError) || error.status !== 401) return undefined;
  const [scope, name] = queryKey;
  if (scope === 'account') return queryKeys.siteSession;
  if (scope === 'console' && name !== 'session') return queryKeys.consoleSession;
  return undefined;
}
