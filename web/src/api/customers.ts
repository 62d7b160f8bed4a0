import { apiRequest } from './client';
import type { CustomerCard } from './types';

// The number travels in the body of a POST: URLs end up in logs and browser history.
export function searchCustomers(phone: string): Promise<CustomerCard[]> {
  return apiRequest<CustomerCard[]>('/api/console/customers/search', { method: 'POST', body: { phone } });
}

/** The full number, shown only with a reason that the server records in the audit log. */
export function unmaskCustomerPhone(customerId: string, reason: string): Promise<{ value: string }> {
  return apiRequest<{ value: string }>(`/api/console/customers/${encodeURIComponent(customerId)}/unmask`, { method: 'POST', body: { field: 'phone', reason } });
}
