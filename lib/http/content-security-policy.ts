/**
 * The pages' Content-Security-Policy: scripts only with this response's nonce
 * (and what they load: 'strict-dynamic'), no plugins, no framing, no foreign
 * forms or base URLs. Style attributes stay allowed (charts and progress bars
 * set widths inline); style elements need the nonce. Pure, for the proxy and
 * its test.
 */
export function contentSecurityPolicy(nonce: string, { development = false } = {}): string {
  return [
    `default-src 'self'`,
    // React's development build evaluates code to rebuild server stacks; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    `style-src-attr 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join("; ");
}
