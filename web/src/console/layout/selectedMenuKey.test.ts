import { describe, expect, it } from 'vitest';
import { selectedMenuKey } from './selectedMenuKey';

const KEYS = ['/console', '/console/products', '/console/documents', '/console/orders'];

describe('the console menu entry of an address', () => {
  it('R-POL-1 a page under an entry selects the entry; the entry itself and the home select themselves', () => {
    expect(selectedMenuKey('/console/products/schengen-visa', KEYS)).toBe('/console/products');
    expect(selectedMenuKey('/console/documents/privacy_policy/3', KEYS)).toBe('/console/documents');
    expect(selectedMenuKey('/console/products/', KEYS)).toBe('/console/products');
    expect(selectedMenuKey('/console', KEYS)).toBe('/console');
    // Only whole path segments count, and the home does not own every page.
    expect(selectedMenuKey('/console/products-archive', KEYS)).toBe('/console/products-archive');
    expect(selectedMenuKey('/console/unknown', KEYS)).toBe('/console/unknown');
  });
});
