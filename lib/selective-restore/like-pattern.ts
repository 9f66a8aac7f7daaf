/** A search text as an ILIKE pattern matching it anywhere, with its wildcards taken literally. */
export function likePattern(query: string, { prefix = false } = {}): string {
  const escaped = query.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
  return prefix ? `${escaped}%` : `%${escaped}%`;
}
