// A made-up origin to resolve against: whatever resolves to another origin was not a path of ours.
const BASE = 'https://besttrav.invalid';

export interface NextPathRules {
  /** Where to go when `next` is missing or not allowed. */
  fallback: string;
  /** Only paths in this area are allowed, e.g. "/console" for the staff sign-in. */
  within?: string;
  /** Paths that must not be a destination, such as the sign-in page itself (it would loop). */
  exclude?: readonly string[];
}

function isWithin(pathname: string, area: string): boolean {
  const base = area.replace(/\/+$/, '');
  return base === '' || pathname === base || pathname.startsWith(`${base}/`);
}

/**
 * The `?next=` destination after signing in, only if it is a path on this site: "//evil.example",
 * "https://…", "/\\evil.example" and anything that resolves elsewhere fall back, so the sign-in page
 * cannot be used to send people to another site (open redirect).
 */
export function safeNextPath(raw: string | null | undefined, rules: NextPathRules): string {
  const { fallback, within = '/', exclude = [] } = rules;
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return fallback;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || !isWithin(url.pathname, within)) return fallback;
  if (exclude.some((path) => isWithin(url.pathname, path))) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** "/sign-in?next=%2Faccount%2Fsecurity" for a page that needs the person to sign in first. */
export function signInPathFor(signInPath: string, next: string): string {
  return `${signInPath}?${new URLSearchParams({ next }).toString()}`;
}
