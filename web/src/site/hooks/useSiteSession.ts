import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/queryKeys';
import { fetchSiteSession } from '../../api/siteAuth';
import type { SiteSession } from '../../api/types';

/**
 * Who this browser is signed in as. Asked once when the site opens — the answer also issues the CSRF
 * cookie that every form needs — and updated in place by sign-in and sign-out.
 */
export function useSiteSession() {
  return useQuery({
    queryKey: queryKeys.siteSession,
    queryFn: ({ signal }) => fetchSiteSession(signal),
    staleTime: 5 * 60_000,
  });
}

/** A guest session (buying without an account) is not signed in for the header or account pages. */
export function isCustomer(session: SiteSession | undefined): boolean {
  return session?.actor.type === 'customer';
}
