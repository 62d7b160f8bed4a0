import { useQuery } from '@tanstack/react-query';
import { fetchAgeInfo } from '../api/minors';
import { queryKeys } from '../api/queryKeys';
import { isCustomer, useSiteSession } from '../site/hooks/useSiteSession';

/** The signed-in customer's age standing; nothing is asked for anyone else. */
export function useAgeInfo() {
  const session = useSiteSession();
  return useQuery({ queryKey: queryKeys.accountAge, queryFn: ({ signal }) => fetchAgeInfo(signal), enabled: isCustomer(session.data) });
}
