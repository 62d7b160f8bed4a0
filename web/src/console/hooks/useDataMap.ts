import { useQuery } from '@tanstack/react-query';
import { fetchDataMap } from '../../api/dataMap';
import { queryKeys } from '../../api/queryKeys';

/** The record of processing activities; generated from the code, so it changes only with a new release. */
export function useDataMap(options: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: queryKeys.dataMap, queryFn: ({ signal }) => fetchDataMap(signal), staleTime: 10 * 60_000, enabled: options.enabled ?? true });
}
