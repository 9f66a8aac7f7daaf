import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/help/markdown";

describe("help markdown", () => {
  it("renders headings with ids for the table of contents", () => {
    const { html, headings } = renderMarkdown("Intro\n\n## Kto może złożyć wniosek?\n\ntext\n\n## Plans\n\n## Plans\n");
    expect(headings).toEqual([
      { id: "kto-moze-zlozyc-wniosek", text: "Kto może złożyć wniosek?" },
      { id: "plans", text: "Plans" },
      { id: "plans-2", text: "Plans" },
    ]);
    expect(html).toContain('<h2 id="kto-moze-zlozyc-wniosek">');
  });

  it("never lets HTML or script URLs through", () => {
    const { html } = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1))');
    expect(html).not.toMatch(/<script|<img|href="javascript/i);
    expect(html).toContain("&lt;script&gt;");
  });
});
