import { useCallback, useEffect, useState } from 'react';

interface Clock {
  until: number | null;
  now: number;
}

/**
 * A countdown in whole seconds, e.g. until another sign-in code may be asked for. `start(seconds)`
 * (from an event handler) sets the deadline and the clock together, so the first number shown is
 * already right; the clock then ticks once a second until the deadline passes.
 */
export function useCountdown(): { secondsLeft: number; start: (seconds: number) => void } {
  const [clock, setClock] = useState<Clock>({ until: null, now: 0 });
  const { until } = clock;

  useEffect(() => {
    if (until === null) return;
    const timer = window.setInterval(() => {
      const now = Date.now();
      setClock((previous) => ({ ...previous, now }));
      if (now >= until) window.clearInterval(timer);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [until]);

  const start = useCallback((seconds: number) => {
    const now = Date.now();
    setClock({ until: now + seconds * 1000, now });
  }, []);

  const secondsLeft = until === null ? 0 : Math.max(0, Math.ceil((until - clock.now) / 1000));
  return { secondsLeft, start };
}
