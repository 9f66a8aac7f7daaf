/** An article's address in /help/<slug>: what every route and form accepts before it looks anything up. */
const ARTICLE_SLUG = /^[a-z0-9-]{1,80}$/;

export function isArticleSlug(value: unknown): value is string {
  return typeof value === "string" && ARTICLE_SLUG.test(value);
}
