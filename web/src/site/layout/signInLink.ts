/**
 * Where the header's sign-in link points: back to the current page afterwards, except from the home
 * page (the account page is the more useful landing) and from the sign-in page itself.
 */
export function signInLinkFor(pathname: string, search: string): string {
  if (pathname === '/' || pathname === '/sign-in') return '/sign-in';
  return `/sign-in?${new URLSearchParams({ next: `${pathname}${search}` }).toString()}`;
}
