import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';

// A 4xx will not change by asking again; network failures and 5xx get two more tries.
function shouldRetry(failureCount: number, error: Error): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        refetchOnWindowFocus: false,
        staleTime: 60_000,
      },
    },
  });
}
