import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  decideOnDocument,
  fetchDocumentNotices,
  fetchPublishedDiff,
  fetchPublishedDocument,
  fetchPublishedVersion,
  type DocumentDecision,
  type DocumentKind,
  type DocumentStanding,
} from '../../api/documents';
import { queryKeys } from '../../api/queryKeys';
import { useSiteSession } from './useSiteSession';

// Under "account": what depends on who is signed in is dropped at sign-in and sign-out, and the
// session's actor is part of the key, so a new person never sees the previous person's answers.
const noticesKey = (actor: string) => [...queryKeys.account, 'document-notices', actor] as const;
const documentKey = (document: DocumentKind, actor: string) => [...queryKeys.account, 'policy-document', document, actor] as const;

function useActorKey(): { actor: string; isReady: boolean } {
  const session = useSiteSession();
  const actor = session.data ? `${session.data.actor.type}:${session.data.actor.id ?? ''}` : 'unknown';
  return { actor, isReady: session.isSuccess };
}

/** Where this browser's person stands with each updated document (the change notice). */
export function useDocumentNotices() {
  const { actor, isReady } = useActorKey();
  return useQuery({ queryKey: noticesKey(actor), queryFn: ({ signal }) => fetchDocumentNotices(signal), enabled: isReady, staleTime: 60_000 });
}

export function usePublishedDocument(document: DocumentKind) {
  const { actor, isReady } = useActorKey();
  return useQuery({ queryKey: documentKey(document, actor), queryFn: ({ signal }) => fetchPublishedDocument(document, signal), enabled: isReady, staleTime: 60_000 });
}

export function usePublishedVersion(document: DocumentKind, version: number | undefined) {
  return useQuery({
    queryKey: ['policies', document, 'version', version],
    queryFn: ({ signal }) => fetchPublishedVersion(document, version as number, signal),
    enabled: version !== undefined,
    // A published version never changes.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function usePublishedDiff(document: DocumentKind, range: { from?: number; to?: number }) {
  return useQuery({
    queryKey: ['policies', document, 'diff', range.from ?? null, range.to ?? null],
    queryFn: ({ signal }) => fetchPublishedDiff(document, range, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** The person's answer to a notice; afterwards every notice and page standing is asked afresh. */
export function useDecideOnDocument(onDecided: (standing: DocumentStanding, action: DocumentDecision) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ document, version, action }: { document: DocumentKind; version: number; action: DocumentDecision }) => decideOnDocument(document, version, action),
    onSuccess: (standing, { action }) => {
      void queryClient.invalidateQueries({ queryKey: [...queryKeys.account, 'document-notices'] });
      void queryClient.invalidateQueries({ queryKey: [...queryKeys.account, 'policy-document'] });
      onDecided(standing, action);
    },
  });
}
