import { useQuery } from '@tanstack/react-query';
import { fetchAccount, fetchCustomerSessions, fetchMyDisclosures } from '../../api/account';
import { queryKeys } from '../../api/queryKeys';

// Account data is about security: always asked afresh when the page opens, never shown from an old visit.

export function useAccountOverview() {
  return useQuery({ queryKey: queryKeys.accountOverview, queryFn: ({ signal }) => fetchAccount(signal), staleTime: 0 });
}

export function useCustomerSessions() {
  return useQuery({ queryKey: queryKeys.accountSessions, queryFn: ({ signal }) => fetchCustomerSessions(signal), staleTime: 0 });
}

export function useMyDisclosures() {
  return useQuery({ queryKey: queryKeys.accountDisclosures, queryFn: ({ signal }) => fetchMyDisclosures(signal), staleTime: 0 });
}
