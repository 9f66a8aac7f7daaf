// @ts-check
/**
 * Headers every response carries: from next.config.js for what Next.js
 * answers, and from scripts/server.mjs for what it refuses before routing.
 */
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // Every response: nobody may frame the app (clickjacking). Pages also get the
  // full script policy with a per-response nonce from proxy.ts.
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'" },
  // Browsers heed this only over HTTPS; behind TLS it keeps them there.
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

module.exports = { SECURITY_HEADERS };
