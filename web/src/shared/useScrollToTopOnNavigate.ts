import { useEffect } from 'react';
import { useLocation } from 'react-router';

// React Router's <ScrollRestoration> keeps positions in sessionStorage; before cookie consent
// exists we avoid any storage that is not strictly necessary, so new pages simply start at the top.
export function useScrollToTopOnNavigate(): void {
  const { pathname } = useLocation();
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pathname]);
}
