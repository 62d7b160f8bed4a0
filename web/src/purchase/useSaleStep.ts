import { useMutation, useQuery } from '@tanstack/react-query';
import type { ShowableStep } from '../../../src/shared/orders.ts';
import { confirmSaleStep, fetchSaleStep } from '../api/orders';
import { useLanguage } from '../shared/useLanguage';

/**
 * The content of one step of a sale, asked of the server only once the person opens it (the server
 * records each showing, R-POL-7) and then kept for the visit; in another language it is asked again.
 */
export function useSaleStep(saleId: string, kind: ShowableStep, isOpen: boolean) {
  const { language } = useLanguage();
  return useQuery({
    queryKey: ['purchase', 'sale', saleId, 'step', kind, language],
    queryFn: () => fetchSaleStep(saleId, kind),
    enabled: isOpen,
    staleTime: Infinity,
    gcTime: 30 * 60_000,
    retry: false,
  });
}

/** Ticking a step's box: the server accepts it only for the content (hash) it showed in this sale. */
export function useConfirmSaleStep(saleId: string, kind: ShowableStep) {
  return useMutation({ mutationFn: (contentHash: string) => confirmSaleStep(saleId, kind, contentHash) });
}
