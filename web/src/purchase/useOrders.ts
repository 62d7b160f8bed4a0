import { useQuery } from '@tanstack/react-query';
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

export function useOrder(orderId: string, options: { isEnabled?: boolean; pollWhile?: (order: Order) => boolean } = {}) {
  const { isEnabled = true, pollWhile } = options;
  return useQuery({
    queryKey: orderKeys.one(orderId),
    queryFn: ({ signal }) => fetchOrder(orderId, signal),
    enabled: isEnabled,
    refetchInterval: (query) => (pollWhile && query.state.data && pollWhile(query.state.data) ? ISSUING_POLL_MS : false),
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
