import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { baseURL } from "../playwright.config";

/** Server action ids by "file#export", from the build's action manifest. */
export function actionIds(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")).node as Record<string, { filename: string; exportedName: string }>;
  return new Map(Object.entries(manifest).map(([id, entry]) => [`${entry.filename}#${entry.exportedName}`, id]));
}

/**
 * A server action called as a crafted request: its typed result's code ("OK"
 * when it went through), the response's text (its messages) and headers.
 * `origin`: the app's own address, as a browser on it sends (another one behind a balancer).
 */
export async function callAction(request: APIRequestContext, id: string, args: unknown[], { origin = baseURL }: { origin?: string } = {}) {
  const response = await request.post("/", {
    headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: origin },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  const text = await response.text();
  const code = /"ok":false,"code":"(\w+)"/.exec(text)?.[1];
  return { status: response.status(), code: code ?? (/"ok":true/.test(text) ? "OK" : `HTTP ${response.status()}`), text, headers: response.headers() };
}
