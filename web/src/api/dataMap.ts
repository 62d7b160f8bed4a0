import { apiRequest } from './client';
import type { DataMapEntry } from './types';

export function fetchDataMap(signal?: AbortSignal): Promise<DataMapEntry[]> {
  return apiRequest<DataMapEntry[]>('/api/console/privacy/data-map', { signal });
}
