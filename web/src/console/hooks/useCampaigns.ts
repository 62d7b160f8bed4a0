import { useQuery } from '@tanstack/react-query';
import { fetchCampaigns } from '../../api/campaigns';
import { queryKeys } from '../../api/queryKeys';

// While a campaign is queued or sending, the list is asked again every two seconds to show progress.
export function useCampaigns() {
  return useQuery({
    queryKey: queryKeys.campaigns,
    queryFn: ({ signal }) => fetchCampaigns(signal),
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.some((campaign) => campaign.status === 'queued' || campaign.status === 'sending') ? 2000 : false),
  });
}
