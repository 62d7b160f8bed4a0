import { apiRequest } from './client';
import type { OperatorInfo } from './types';

export function fetchOperator(signal?: AbortSignal): Promise<OperatorInfo> {
  return apiRequest<OperatorInfo>('/api/site/operator', { signal });
}
