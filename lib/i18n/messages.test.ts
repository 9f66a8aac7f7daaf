import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import pl from "@/messages/pl.json";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

// `{name}` and `{name, plural, …}`; plural branches may repeat a name.
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)(?=[,}])/g)].map((m) => m[1]))].sort();

describe("translations", () => {
  const english = flatten(en as Tree);
  const polish = flatten(pl as Tree);
  it("English and Polish have the same keys", () => {
    expect([...polish.keys()].sort()).toEqual([...english.keys()].sort());
  });
  it("every Polish text uses the same placeholders as the English one", () => {
    for (const [key, text] of english) expect(placeholders(polish.get(key) ?? ""), key).toEqual(placeholders(text));
  });
  it("no text is left empty", () => {
    for (const [key, text] of [...english, ...polish]) expect(text.trim(), key).not.toBe("");
  });
});
