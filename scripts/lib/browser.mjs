// The browser the e2e tests drive, found the way the embedded PostgreSQL is:
// what is installed when there is one, otherwise one that came with `npm install`.
import fs from "node:fs";

/**
 * In order: CHROMIUM_PATH; Debian's /usr/bin/chromium; a browser Playwright
 * downloaded itself; else the Chromium shipped inside the @sparticuz/chromium
 * package's tarball (unpacked once to the temp folder — no download).
 * E2E_BROWSER=bundled skips the installed ones (CI proves the bundled one works).
 */
export async function resolveChromium(env = process.env) {
  if (env.E2E_BROWSER !== "bundled") {
    if (env.CHROMIUM_PATH) return { path: env.CHROMIUM_PATH, source: "CHROMIUM_PATH" };
    if (fs.existsSync("/usr/bin/chromium")) return { path: "/usr/bin/chromium", source: "the system's (/usr/bin/chromium)" };
    const { chromium: playwright } = await import("playwright-core");
    const own = playwright.executablePath();
    if (own && fs.existsSync(own)) return { path: own, source: "Playwright's own" };
  }
  const { default: bundled } = await import("@sparticuz/chromium");
  return { path: await bundled.executablePath(), source: "bundled with npm install (@sparticuz/chromium)" };
}
