import { useQuery } from '@tanstack/react-query';
import { fetchConsoleSession } from '../../api/consoleAuth';
import { queryKeys } from '../../api/queryKeys';

/** The signed-in staff member (or null) with their permissions; also issues the CSRF cookie. */
export function useConsoleSession() {
  return useQuery({
    queryKey: queryKeys.consoleSession,
    queryFn: ({ signal }) => fetchConsoleSession(signal),
    staleTime: 60_000,
  });
}
