import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { queryKeys } from '../../api/queryKeys';
import type { SiteSession } from '../../api/types';

/**
 * Records a sign-in or sign-out in the cache: the new session answer takes the place of the old one
 * (so header and page guards react at once, without another request), and whatever was cached about
 * the previous account is dropped so the next person never sees it.
 */
export function useApplySiteSession(): (session: SiteSession) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (session: SiteSession) => {
      queryClient.removeQueries({ queryKey: queryKeys.account });
      queryClient.setQueryData(queryKeys.siteSession, session);
      // A sign-in answer does not carry everything the full session answer does (the age standing):
      // fetch that in the background; the header has already switched.
      if (session.actor.type === 'customer' && session.ageStanding === undefined) void queryClient.invalidateQueries({ queryKey: queryKeys.siteSession });
    },
    [queryClient],
  );
}
