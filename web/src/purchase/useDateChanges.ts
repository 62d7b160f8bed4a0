import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { confirmDateChangePaymentReturn, fetchDateChange, fetchDateChangeOptions, quoteDateChange, requestDateChange, type DateChangeRequest, type TripDates } from '../api/dateChanges';
import { useDebounced } from '../catalogue/useCatalogue';
import { isSettling } from './dateChange';
import { orderKeys } from './useOrders';

// Under "account", apart from the policies' key: refreshing the list after a change must not ask
// for the options or a quote again, and signing out drops them with the rest.
export const dateChangeKeys = {
  options: (policyId: string) => ['account', 'date-change-options', policyId] as const,
  quote: (policyId: string, dates: TripDates | null) => ['account', 'date-change-quote', policyId, dates] as const,
  request: (policyId: string) => ['account', 'date-change-request', policyId] as const,
  one: (dateChangeId: string) => ['account', 'date-changes', dateChangeId] as const,
  paymentReturn: (dateChangeId: string) => ['account', 'date-change-payment-return', dateChangeId] as const,
};

// While the extra premium or the insurer's endorsement is awaited the page asks again this often.
const SETTLING_POLL_MS = 2_000;

/** The policy's dates and the bounds of new ones, asked when the modal opens and not kept after it closes. */
export function useDateChangeOptions(policyId: string) {
  return useQuery({ queryKey: dateChangeKeys.options(policyId), queryFn: ({ signal }) => fetchDateChangeOptions(policyId, signal), gcTime: 0, staleTime: Infinity });
}

/** The live re-quote: asked a moment after the dates stop changing; nothing while they are incomplete or unchanged. */
export function useDateChangeQuote(policyId: string, dates: TripDates | null) {
  const settled = useDebounced(dates, 300);
  return useQuery({
    queryKey: dateChangeKeys.quote(policyId, settled),
    queryFn: ({ signal }) => quoteDateChange(policyId, settled as TripDates, signal),
    enabled: settled !== null,
    gcTime: 0,
    retry: false,
  });
}

/** The policies and orders show the new dates once the insurer endorsed them. */
export function refreshAfterEndorsement(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: orderKeys.policies });
  void queryClient.invalidateQueries({ queryKey: orderKeys.list });
}

export function useRequestDateChange(policyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: dateChangeKeys.request(policyId),
    mutationFn: (request: DateChangeRequest) => requestDateChange(policyId, request),
    onSuccess: (result) => {
      if (result.status === 'endorsed') refreshAfterEndorsement(queryClient);
    },
  });
}

/** Back from the provider's page, once per visit: the server's answer is the same however often it is asked. */
export function useDateChangePaymentReturn(dateChangeId: string) {
  return useQuery({ queryKey: dateChangeKeys.paymentReturn(dateChangeId), queryFn: () => confirmDateChangePaymentReturn(dateChangeId), staleTime: Infinity, retry: 1 });
}

/** One date change, asked again until it is endorsed, refused or expired. */
export function useDateChange(dateChangeId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: dateChangeKeys.one(dateChangeId),
    queryFn: ({ signal }) => fetchDateChange(dateChangeId, signal),
    enabled: isEnabled,
    refetchInterval: (query) => (query.state.data && isSettling(query.state.data.status) ? SETTLING_POLL_MS : false),
  });
}
