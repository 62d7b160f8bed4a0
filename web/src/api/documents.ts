import type { DocumentKind } from '../../../src/shared/policy-documents.ts';
import { apiRequest } from './client';

// Policy documents (privacy policy, user agreement, cookie policy): what the site and console read.

export type { DocumentKind };
export type VersionPhase = 'draft' | 'scheduled' | 'current' | 'earlier';

export interface VersionMeta {
  document: DocumentKind;
  version: number;
  status: 'draft' | 'published';
  phase: VersionPhase;
  titleZh: string;
  titleEn: string;
  summaryZh: string;
  summaryEn: string;
  material: boolean;
  narrowsRights: boolean;
  textHash: string | null;
  publishedAt: string | null;
  effectiveAt: string | null;
}

export interface RenderedText {
  title: string;
  summary: string;
  body: string;
}

export interface RenderedVersion extends VersionMeta {
  zh: RenderedText;
  en: RenderedText;
}

export interface DraftSource {
  titleZh: string;
  titleEn: string;
  summaryZh: string;
  summaryEn: string;
  bodyZh: string;
  bodyEn: string;
  material: boolean;
  narrowsRights: boolean;
}

export interface VersionDetail extends RenderedVersion {
  source: DraftSource;
}

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };
export interface DiffLine {
  kind: 'same' | 'added' | 'removed' | 'changed';
  text?: string;
  oldLine?: number;
  newLine?: number;
  parts?: DiffPart[];
}

export interface VersionDiff {
  from: VersionMeta | null;
  to: VersionMeta;
  zh: DiffLine[];
  en: DiffLine[];
}

export type TermsState = 'current' | 'acknowledge' | 'consent' | 'declined';

export interface DocumentStanding {
  document: DocumentKind;
  state: TermsState;
  current: VersionMeta;
  inForce: number;
  requiresConsent: boolean;
  decidedAt: string | null;
  changes: Array<{ version: number; effectiveAt: string; material: boolean; narrowsRights: boolean; summaryZh: string; summaryEn: string }>;
}

export interface PublishedDocument {
  current: RenderedVersion;
  versions: VersionMeta[];
  standing: DocumentStanding | null;
}

export type DocumentDecision = 'accepted' | 'declined' | 'acknowledged';

const site = (document: DocumentKind) => `/api/site/documents/${encodeURIComponent(document)}`;
const consoleVersion = (document: DocumentKind, version: number) => `/api/console/documents/${encodeURIComponent(document)}/versions/${version}`;

export function fetchPublishedDocument(document: DocumentKind, signal?: AbortSignal): Promise<PublishedDocument> {
  return apiRequest<PublishedDocument>(site(document), { signal });
}

export function fetchPublishedVersion(document: DocumentKind, version: number, signal?: AbortSignal): Promise<RenderedVersion> {
  return apiRequest<RenderedVersion>(`${site(document)}/versions/${version}`, { signal });
}

export function fetchPublishedDiff(document: DocumentKind, range: { from?: number; to?: number }, signal?: AbortSignal): Promise<VersionDiff> {
  const query = new URLSearchParams();
  if (range.from !== undefined) query.set('from', String(range.from));
  if (range.to !== undefined) query.set('to', String(range.to));
  const suffix = query.size > 0 ? `?${query.toString()}` : '';
  return apiRequest<VersionDiff>(`${site(document)}/diff${suffix}`, { signal });
}

export function fetchDocumentNotices(signal?: AbortSignal): Promise<{ documents: DocumentStanding[] }> {
  return apiRequest<{ documents: DocumentStanding[] }>('/api/site/documents/notices', { signal });
}

export function recordNoticeShown(document: DocumentKind, version: number): Promise<void> {
  return apiRequest<void>('/api/site/documents/notices/shown', { method: 'POST', body: { document, version } });
}

export function decideOnDocument(document: DocumentKind, version: number, action: DocumentDecision): Promise<DocumentStanding> {
  return apiRequest<DocumentStanding>('/api/site/documents/notices/decision', { method: 'POST', body: { document, version, action } });
}

export function fetchConsoleDocuments(signal?: AbortSignal): Promise<VersionMeta[]> {
  return apiRequest<VersionMeta[]>('/api/console/documents', { signal });
}

export function fetchConsoleVersion(document: DocumentKind, version: number, signal?: AbortSignal): Promise<VersionDetail> {
  return apiRequest<VersionDetail>(consoleVersion(document, version), { signal });
}

export function fetchConsoleDiff(document: DocumentKind, version: number, signal?: AbortSignal): Promise<VersionDiff> {
  return apiRequest<VersionDiff>(`${consoleVersion(document, version)}/diff`, { signal });
}

export function createDraft(document: DocumentKind): Promise<VersionDetail> {
  return apiRequest<VersionDetail>(`/api/console/documents/${encodeURIComponent(document)}/drafts`, { method: 'POST' });
}

export function saveDraft(document: DocumentKind, version: number, source: DraftSource): Promise<VersionDetail> {
  return apiRequest<VersionDetail>(consoleVersion(document, version), { method: 'PUT', body: source });
}

export function discardDraft(document: DocumentKind, version: number): Promise<void> {
  return apiRequest<void>(consoleVersion(document, version), { method: 'DELETE' });
}

export function publishVersion(document: DocumentKind, version: number, effectiveAt: string | null): Promise<VersionDetail> {
  return apiRequest<VersionDetail>(`${consoleVersion(document, version)}/publish`, { method: 'POST', body: { effectiveAt } });
}
