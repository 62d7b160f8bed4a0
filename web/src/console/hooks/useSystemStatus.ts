import { useQuery } from '@tanstack/react-query';
import { fetchHealth, fetchReadiness } from '../../api/health';

const REFRESH_INTERVAL_MS = 30_000;

/** /healthz and /readyz, polled while the page is open; the status page is about "now", so nothing is cached as fresh. */
export function useSystemStatus() {
  const health = useQuery({
    queryKey: ['console', 'healthz'],
    queryFn: ({ signal }) => fetchHealth(signal),
    staleTime: 0,
    refetchInterval: REFRESH_INTERVAL_MS,
    retry: false,
  });
  const readiness = useQuery({
    queryKey: ['console', 'readyz'],
    queryFn: ({ signal }) => fetchReadiness(signal),
    staleTime: 0,
    refetchInterval: REFRESH_INTERVAL_MS,
    retry: false,
  });

  const refresh = () => Promise.all([health.refetch(), readiness.refetch()]);
  const updatedAt = Math.max(health.dataUpdatedAt, health.errorUpdatedAt, readiness.dataUpdatedAt, readiness.errorUpdatedAt);

  return { health, readiness, refresh, isFetching: health.isFetching || readiness.isFetching, updatedAt };
}
