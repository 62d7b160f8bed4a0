import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { startGuestSession, startSale } from '../api/orders';
import { fetchSiteSession } from '../api/siteAuth';
import { useApplySiteSession } from '../site/hooks/useApplySiteSession';
import { newKey } from './applicationForm';

/**
 * Entering the purchase page: a session if there is none (a guest buys without an account; a signed-in
 * customer keeps theirs), then a new sale, whose record starts with the product page (R-POL-7). One
 * sale per visit of the page: never asked again in the background, nor retried on its own.
 */
export function usePurchaseStart(productCode: string) {
  const applySession = useApplySiteSession();
  const [visit] = useState(() => newKey('visit'));
  return useQuery({
    queryKey: ['purchase', 'start', productCode, visit],
    queryFn: async () => {
      const session = await fetchSiteSession();
      if (session.actor.type === 'anonymous') {
        const guest = await startGuestSession();
        applySession({ actor: { type: 'guest', id: guest.guestId }, csrfToken: guest.csrfToken });
      }
      const sale = await startSale(productCode);
      return { sale, isCustomer: session.actor.type === 'customer' };
    },
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}
