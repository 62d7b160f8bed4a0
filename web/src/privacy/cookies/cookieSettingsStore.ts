import { useSyncExternalStore } from 'react';

// Whether the cookie settings dialog is open: the footer link opens it, the banner's "设置" too.
let isOpen = false;
const listeners = new Set<() => void>();

function set(open: boolean): void {
  isOpen = open;
  for (const listener of listeners) listener();
}

export const openCookieSettings = (): void => set(true);
export const closeCookieSettings = (): void => set(false);

export function useCookieSettingsOpen(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => isOpen,
  );
}
