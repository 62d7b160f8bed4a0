export const MAX_COMPARED = 4;

/** The compare page for a selection of `product:plan` pairs: the selection lives in the address only. */
export function comparePath(plans: readonly string[]): string {
  const params = new URLSearchParams();
  for (const plan of plans.slice(0, MAX_COMPARED)) params.append('plans', plan);
  return `/compare?${params.toString()}`;
}

/** The valid, distinct `product:plan` pairs of a compare address, at most four. */
export function comparedPlans(params: URLSearchParams): string[] {
  const valid = params.getAll('plans').filter((plan) => /^[a-z0-9][a-z0-9-]{0,63}:[a-z0-9][a-z0-9-]{0,63}$/.test(plan));
  return [...new Set(valid)].slice(0, MAX_COMPARED);
}
