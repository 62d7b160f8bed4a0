import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/queryKeys';
import { fetchLegalHolds, fetchRetentionSchedule, fetchRetentionSweep } from '../../api/retention';
import type { RetentionSweepProgress } from '../../api/types';

const SWEEP_POLL_MS = 700;

/** What each table's retention rule makes due now and what holds keep: a dry run, always asked afresh. */
export function useRetentionSchedule() {
  return useQuery({ queryKey: queryKeys.retentionSchedule, queryFn: ({ signal }) => fetchRetentionSchedule(signal), staleTime: 0 });
}

/** Holds in force (or all of them); flipping the switch keeps the current rows until the other list arrives. */
export function useLegalHolds(includeReleased: boolean) {
  return useQuery({
    queryKey: queryKeys.legalHolds(includeReleased),
    queryFn: ({ signal }) => fetchLegalHolds(includeReleased, signal),
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

export const isSweepFinished = (progress: RetentionSweepProgress | undefined) => progress?.status === 'succeeded' || progress?.status === 'failed';

/** A sweep's progress, asked again and again until it has finished. */
export function useRetentionSweep(taskId: string | null) {
  return useQuery({
    queryKey: queryKeys.retentionSweep(taskId ?? ''),
    queryFn: ({ signal }) => fetchRetentionSweep(taskId ?? '', signal),
    enabled: taskId !== null,
    refetchInterval: (query) => (isSweepFinished(query.state.data) ? false : SWEEP_POLL_MS),
  });
}
