import { documentSlugs, type DocumentKind } from '../../../src/shared/policy-documents.ts';

// Site addresses of the documents; the privacy policy also answers at /privacy, as it always did.

export function documentOfSlug(slug: string | undefined): DocumentKind | null {
  const entry = Object.entries(documentSlugs).find(([, value]) => value === slug);
  return entry ? (entry[0] as DocumentKind) : null;
}

export function documentPath(document: DocumentKind): string {
  return document === 'privacy_policy' ? '/privacy' : `/policies/${documentSlugs[document]}`;
}

export function versionPath(document: DocumentKind, version: number): string {
  return `/policies/${documentSlugs[document]}/versions/${version}`;
}

export function diffPath(document: DocumentKind, range: { from?: number | null; to?: number | null } = {}): string {
  const query = new URLSearchParams();
  if (range.from) query.set('from', String(range.from));
  if (range.to) query.set('to', String(range.to));
  const suffix = query.size > 0 ? `?${query.toString()}` : '';
  return `/policies/${documentSlugs[document]}/diff${suffix}`;
}

/** A positive whole number from a URL, or undefined. */
export function versionNumber(value: string | null | undefined): number | undefined {
  return value && /^[1-9]\d{0,5}$/.test(value) ? Number(value) : undefined;
}
