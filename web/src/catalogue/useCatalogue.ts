import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { fetchComparison, fetchProduct, fetchProducts, fetchSearchKeywords, fetchStaffProduct, fetchStaffProducts, requestQuote, type ProductFilters, type QuoteRequest } from '../api/catalogue';

// Catalogue data is public and the same for everyone: kept a minute. Staff data sits under
// "console", so signing out drops it with the rest of the console's data.
const CATALOGUE_STALE_MS = 60_000;
export const catalogueKeys = {
  products: (filters: ProductFilters) => ['catalogue', 'products', filters] as const,
  product: (code: string) => ['catalogue', 'product', code] as const,
  comparison: (plans: readonly string[]) => ['catalogue', 'comparison', plans] as const,
  quote: (body: QuoteRequest | null) => ['catalogue', 'quote', body] as const,
  staffProducts: ['console', 'catalogue', 'products'] as const,
  staffProduct: (code: string) => ['console', 'catalogue', 'product', code] as const,
  searchKeywords: ['console', 'catalogue', 'search-keywords'] as const,
};

export function useProducts(filters: ProductFilters) {
  return useQuery({ queryKey: catalogueKeys.products(filters), queryFn: ({ signal }) => fetchProducts(filters, signal), staleTime: CATALOGUE_STALE_MS, placeholderData: keepPreviousData });
}

export function useProduct(code: string) {
  return useQuery({ queryKey: catalogueKeys.product(code), queryFn: ({ signal }) => fetchProduct(code, signal), staleTime: CATALOGUE_STALE_MS });
}

export function useComparison(plans: readonly string[]) {
  return useQuery({
    queryKey: catalogueKeys.comparison(plans),
    queryFn: ({ signal }) => fetchComparison(plans, signal),
    enabled: plans.length > 0,
    staleTime: CATALOGUE_STALE_MS,
    placeholderData: keepPreviousData,
  });
}

/** A live price: asked again a moment after the form stops changing; null while the form is incomplete. */
export function useQuote(body: QuoteRequest | null) {
  const debounced = useDebounced(body, 300);
  return useQuery({
    queryKey: catalogueKeys.quote(debounced),
    queryFn: ({ signal }) => requestQuote(debounced as QuoteRequest, signal),
    enabled: debounced !== null,
    staleTime: CATALOGUE_STALE_MS,
    retry: false,
  });
}

export function useStaffProducts() {
  return useQuery({ queryKey: catalogueKeys.staffProducts, queryFn: ({ signal }) => fetchStaffProducts(signal) });
}

export function useStaffProduct(code: string) {
  return useQuery({ queryKey: catalogueKeys.staffProduct(code), queryFn: ({ signal }) => fetchStaffProduct(code, signal) });
}

export function useSearchKeywords() {
  return useQuery({ queryKey: catalogueKeys.searchKeywords, queryFn: ({ signal }) => fetchSearchKeywords(signal) });
}

/** `value` once it has stopped changing for `delayMs` (compared by content), for asking the server as people type. */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
    // The serialised value decides: a new object with the same content is no change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, delayMs]);
  return settled;
}
