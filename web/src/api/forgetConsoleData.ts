import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from './queryKeys';

/**
 * Drops everything cached about the console except the session answer itself, when a staff member
 * signs in or out: what one person was allowed to see must not show to the next one on this browser.
 */
export function forgetConsoleData(queryClient: QueryClient): void {
  queryClient.removeQueries({ queryKey: queryKeys.console, predicate: (query) => query.queryKey[1] !== queryKeys.consoleSession[1] });
}
