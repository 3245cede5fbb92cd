/**
 * How old a view's data is, in words: `15:20:01 UTC, 3 s ago`.
 *
 * @example
 * describeAge(Date.UTC(2026, 0, 1, 15, 20, 1), Date.UTC(2026, 0, 1, 15, 20, 4)); // '15:20:01 UTC, 3 s ago'
 */
export function describeAge(asOf: number, now: number): string {
  const clock = new Date(asOf).toISOString().slice(11, 19);
  const seconds = Math.max(0, Math.round((now - asOf) / 1000));
  const ago =
    seconds < 90
      ? `${seconds} s ago`
      : seconds < 5400
        ? `${Math.round(seconds / 60)} min ago`
        : `${Math.round(seconds / 3600)} h ago`;
  return `${clock} UTC, ${ago}`;
}
