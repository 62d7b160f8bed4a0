import { useQuery } from '@tanstack/react-query';
import { fetchProfile } from '../../api/profile';

/** Under "account", so signing in or out drops it with the rest of the account data. */
export const profileQueryKey = ['account', 'profile'] as const;

// Personal details are always asked afresh when the page opens, never shown from an old visit.
export function useProfile() {
  return useQuery({ queryKey: profileQueryKey, queryFn: ({ signal }) => fetchProfile(signal), staleTime: 0 });
}
