import { apiRequest } from './client';
import type { Recipient, RecipientInput, RecipientStatus } from './types';

export function fetchRecipients(signal?: AbortSignal): Promise<Recipient[]> {
  return apiRequest<Recipient[]>('/api/console/recipients', { signal });
}

export function createRecipient(input: RecipientInput): Promise<Recipient> {
  return apiRequest<Recipient>('/api/console/recipients', { method: 'POST', body: input });
}

export function updateRecipient(recipientId: string, input: RecipientInput): Promise<Recipient> {
  return apiRequest<Recipient>(`/api/console/recipients/${encodeURIComponent(recipientId)}`, { method: 'PUT', body: input });
}

export function setRecipientStatus(recipientId: string, status: RecipientStatus): Promise<void> {
  return apiRequest<void>(`/api/console/recipients/${encodeURIComponent(recipientId)}/status`, { method: 'POST', body: { status } });
}
