/** Minutes and seconds until a deadline, as "29:05"; null once it has passed. */
export function timeLeft(deadlineIso: string, now: number): string | null {
  const milliseconds = Date.parse(deadlineIso) - now;
  if (!(milliseconds > 0)) return null;
  const seconds = Math.ceil(milliseconds / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
