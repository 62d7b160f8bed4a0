import { useQuery } from '@tanstack/react-query';
import { fetchConsoleDiff, fetchConsoleDocuments, fetchConsoleVersion, type DocumentKind } from '../../api/documents';
import { queryKeys } from '../../api/queryKeys';

// Under "console", so a staff sign-out drops them with everything else of the console.
export const policyKeys = {
  all: [...queryKeys.console, 'documents'] as const,
  version: (document: DocumentKind, version: number) => [...queryKeys.console, 'documents', document, version] as const,
  diff: (document: DocumentKind, version: number) => [...queryKeys.console, 'documents', document, version, 'diff'] as const,
};

export function useConsoleDocuments() {
  return useQuery({ queryKey: policyKeys.all, queryFn: ({ signal }) => fetchConsoleDocuments(signal), staleTime: 0 });
}

export function useConsoleVersion(document: DocumentKind, version: number) {
  return useQuery({ queryKey: policyKeys.version(document, version), queryFn: ({ signal }) => fetchConsoleVersion(document, version, signal), staleTime: 0 });
}

export function useConsoleDiff(document: DocumentKind, version: number) {
  return useQuery({ queryKey: policyKeys.diff(document, version), queryFn: ({ signal }) => fetchConsoleDiff(document, version, signal), staleTime: 0 });
}
