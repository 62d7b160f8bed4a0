import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchAlerts } from '../../api/alerts';
import { queryKeys } from '../../api/queryKeys';

const REFRESH_INTERVAL_MS = 60_000;

/** Open alerts (or all of them), polled while the page is open so a new one shows without a reload. */
export function useAlerts(open: boolean) {
  return useQuery({
    queryKey: queryKeys.alertList(open),
    queryFn: ({ signal }) => fetchAlerts(open, signal),
    staleTime: 0,
    refetchInterval: REFRESH_INTERVAL_MS,
    // Flipping "show handled" keeps the current rows on screen until the other list arrives.
    placeholderData: keepPreviousData,
  });
}
