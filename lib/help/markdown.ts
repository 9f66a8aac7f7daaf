/**
 * Help articles are markdown. Rendered with markdown-it with raw HTML off
 * (anything like <script> comes out as text) and its link validation on
 * (no javascript: URLs); second-level headings get ids for the table of
 * contents. Pure: used by the article page and the editor's preview.
 */
import MarkdownIt from "markdown-it";

export type Heading = { id: string; text: string };

const md = new MarkdownIt({ html: false, linkify: true, typographer: true });

export function headingId(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/ł/g, "l")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "section"
  );
}

export function renderMarkdown(source: string): { html: string; headings: Heading[] } {
  const tokens = md.parse(source, {});
  const headings: Heading[] = [];
  const used = new Set<string>();
  tokens.forEach((token, i) => {
    if (token.type !== "heading_open" || token.tag !== "h2") return;
    const text = tokens[i + 1]?.content ?? "";
    let id = headingId(text);
    for (let n = 2; used.has(id); n++) id = `${headingId(text)}-${n}`;
    used.add(id);
    token.attrSet("id", id);
    headings.push({ id, text });
  });
  return { html: md.renderer.render(tokens, md.options, {}), headings };
}
