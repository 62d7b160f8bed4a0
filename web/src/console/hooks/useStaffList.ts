import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/queryKeys';
import { fetchStaff } from '../../api/staff';

export function useStaffList() {
  return useQuery({ queryKey: queryKeys.staffList, queryFn: ({ signal }) => fetchStaff(signal), staleTime: 0 });
}
