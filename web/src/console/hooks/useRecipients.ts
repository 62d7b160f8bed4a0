import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/queryKeys';
import { fetchRecipients } from '../../api/recipients';

// Whether a recipient may receive data is decided by this list: always asked afresh when a page opens.
export function useRecipients(options: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: queryKeys.recipients, queryFn: ({ signal }) => fetchRecipients(signal), staleTime: 0, enabled: options.enabled ?? true });
}
