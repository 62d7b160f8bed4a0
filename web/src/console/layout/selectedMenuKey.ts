/**
 * The console menu entry an address belongs to: the entry itself, or the nearest entry above it, so
 * a product's page (/console/products/<code>) stays under 产品管理. The console's home owns only itself.
 */
export function selectedMenuKey(pathname: string, keys: readonly string[]): string {
  const path = pathname.replace(/\/+$/, '') || '/console';
  const owners = keys.filter((key) => path === key || (key !== '/console' && path.startsWith(`${key}/`)));
  return owners.sort((a, b) => b.length - a.length)[0] ?? path;
}
