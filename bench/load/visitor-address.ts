let next = 0;

/**
 * A distinct client address for each virtual visitor (TEST-NET and benchmarking ranges, never routed),
 * passed as X-Forwarded-For: per-IP limits then count each visitor as the real site would, instead of
 * counting the whole load as one client.
 */
export function visitorAddress(): string {
  next = (next + 1) % (256 * 256 * 2);
  const block = next < 65_536 ? 18 : 19;
  const rest = next % 65_536;
  return `198.${block}.${rest >> 8}.${rest & 255}`;
}
