import type { CampaignInput, CampaignStatus } from '../../../src/shared/marketing.ts';
import { apiRequest } from './client';

export interface Campaign extends CampaignInput {
  id: string;
  status: CampaignStatus;
  createdBy: string;
  createdAt: string;
  sentBy: string | null;
  sendRequestedAt: string | null;
  finishedAt: string | null;
  sentCount: number;
  skippedCount: number;
  failedCount: number;
  errorCode: string | null;
  progress: { status: string; done: number; total: number | null } | null;
}

export function fetchCampaigns(signal?: AbortSignal): Promise<Campaign[]> {
  return apiRequest<Campaign[]>('/api/console/campaigns', { signal });
}

export function createCampaign(input: CampaignInput): Promise<Campaign> {
  return apiRequest<Campaign>('/api/console/campaigns', { method: 'POST', body: input });
}

export function sendCampaign(campaignId: string): Promise<{ taskId: string }> {
  return apiRequest(`/api/console/campaigns/${encodeURIComponent(campaignId)}/send`, { method: 'POST' });
}
