import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { deleteDraft, fetchDraft, fetchDrafts, saveDraft } from '../api/orders';
import type { PurchaseDraft } from './draftData';

export const draftKeys = {
  list: ['account', 'drafts'] as const,
  one: (productCode: string) => ['account', 'drafts', productCode] as const,
};

// Saving waits for the person to settle on a step: a quick back-and-forth saves once.
const SAVE_DELAY_MS = 800;

/**
 * A signed-in customer's draft of this product: the one saved earlier (offered once), and saving the
 * current one whenever they move to another step. Saves name the sale, so one that arrives after
 * the application became an order is refused instead of bringing the draft back. Guests have none.
 */
export function usePurchaseDraft(productCode: string, saleId: string, isCustomer: boolean) {
  const queryClient = useQueryClient();
  const saved = useQuery({
    queryKey: draftKeys.one(productCode),
    // The list first: a product without a draft is the usual case, and no reason for a failed request.
    queryFn: async ({ signal }) => ((await fetchDrafts(signal)).drafts.some((draft) => draft.productCode === productCode) ? fetchDraft<unknown>(productCode, signal) : null),
    enabled: isCustomer,
    staleTime: Infinity,
    retry: false,
  });
  const save = useMutation({
    mutationFn: (draft: PurchaseDraft) => saveDraft(productCode, draft, saleId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: draftKeys.list, exact: true }),
  });
  const discard = useMutation({
    mutationFn: () => deleteDraft(productCode),
    onSuccess: () => {
      queryClient.setQueryData(draftKeys.one(productCode), null);
      void queryClient.invalidateQueries({ queryKey: draftKeys.list, exact: true });
    },
  });
  return { saved, save, discard };
}

/** Calls `save` a moment after `step` changes (while `isEnabled`), with the state of that moment. */
export function useSaveOnStepChange(step: number, isEnabled: boolean, save: () => void): void {
  const latest = useRef(save);
  useEffect(() => {
    latest.current = save;
  });
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return undefined;
    }
    if (!isEnabled) return undefined;
    const timer = window.setTimeout(() => latest.current(), SAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [step, isEnabled]);
}
