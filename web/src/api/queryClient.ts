import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './apiError';
import { sessionQueryToRecheck } from './sessionLoss';

// A 4xx will not change by asking again; network failures and 5xx get two more tries.
function shouldRetry(failureCount: number, error: Error): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    // A 401 on a signed-in page means the session ended; asking the session again lets that page's
    // guard send the person to sign in, instead of each page handling it on its own.
    queryCache: new QueryCache({
      onError: (error, query) => {
        const sessionKey = sessionQueryToRecheck(query.queryKey, error);
        if (sessionKey) void queryClient.invalidateQueries({ queryKey: sessionKey, exact: true });
      },
    }),
    // The same for actions that carry a key under "console" or "account" (searches of the audit
    // log and of customers are mutations: each is audited, so none runs unasked).
    mutationCache: new MutationCache({
      onError: (error, _variables, _result, mutation) => {
        const sessionKey = sessionQueryToRecheck(mutation.options.mutationKey ?? [], error);
        if (sessionKey) void queryClient.invalidateQueries({ queryKey: sessionKey, exact: true });
      },
    }),
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        refetchOnWindowFocus: false,
        staleTime: 60_000,
      },
    },
  });
  return queryClient;
}
