import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { fetchDrafts, fetchOrder, fetchOrders, fetchPolicies, type Order } from '../api/orders';
import { draftKeys } from './usePurchaseDraft';

// Under "account": signing in or out (or starting a guest session) drops them with the rest.
export const orderKeys = {
  list: ['account', 'orders'] as const,
  one: (orderId: string) => ['account', 'orders', orderId] as const,
  policies: ['account', 'policies'] as const,
};

// While a paid order waits for its policy the page asks again this often.
const ISSUING_POLL_MS = 2_000;
// Waiting on an order, the server holds each answer until its status changes; the next question
// goes this soon after an answer (a question still open is not asked twice).
const WAITING_REASK_MS = 250;

/**
 * One order; while `waitWhile` holds for the order shown, each question asks the server to answer
 * only once the status has changed (R-POL-9: the policy issued), instead of asking every few seconds.
 */
export function useOrder(orderId: string, options: { isEnabled?: boolean; waitWhile?: (order: Order) => boolean } = {}) {
  const { isEnabled = true, waitWhile } = options;
  const queryClient = useQueryClient();
  const key = orderKeys.one(orderId);
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => {
      const shown = queryClient.getQueryData<Order>(key);
      return fetchOrder(orderId, signal, waitWhile && shown && waitWhile(shown) ? { waitWhile: shown.status } : undefined);
    },
    enabled: isEnabled,
    refetchInterval: (query) => (waitWhile && query.state.data && waitWhile(query.state.data) ? WAITING_REASK_MS : false),
  });
}

export function useOrders(isEnabled: boolean) {
  return useQuery({ queryKey: orderKeys.list, queryFn: ({ signal }) => fetchOrders(signal), enabled: isEnabled });
}

/** The policies of this customer or guest session; `pollUntil` asks again until it holds (a policy just issued). */
export function usePolicies(isEnabled: boolean, pollUntil?: (policies: Awaited<ReturnType<typeof fetchPolicies>>['policies']) => boolean) {
  return useQuery({
    queryKey: orderKeys.policies,
    queryFn: ({ signal }) => fetchPolicies(signal),
    enabled: isEnabled,
    refetchInterval: (query) => (pollUntil && query.state.data && !pollUntil(query.state.data.policies) ? ISSUING_POLL_MS : false),
  });
}

export function useDrafts(isEnabled: boolean) {
  return useQuery({ queryKey: draftKeys.list, queryFn: ({ signal }) => fetchDrafts(signal), enabled: isEnabled });
}

/** The time now, ticking every second while `isRunning` (for a payment countdown). */
export function useNow(isRunning: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!isRunning) return undefined;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [isRunning]);
  return now;
}
