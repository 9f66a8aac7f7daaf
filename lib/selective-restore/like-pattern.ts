/** A search text as an ILIKE pattern matching it anywhere, with its wildcards taken literally. */
export function likePattern(query: string): string {
  return `%${query.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
