import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchOperator } from '../api/site';
import { useLanguage } from './useLanguage';

/** The operator's public identity, shared by footer, contact and privacy pages through the query cache. */
export function useOperator() {
  const { language } = useLanguage();
  return useQuery({
    // Keyed by language because the server localises by Accept-Language; the previous answer
    // stays on screen while the new one loads so the footer does not flash on a switch.
    queryKey: ['site', 'operator', language],
    queryFn: ({ signal }) => fetchOperator(signal),
    staleTime: 10 * 60_000,
    placeholderData: keepPreviousData,
  });
}
