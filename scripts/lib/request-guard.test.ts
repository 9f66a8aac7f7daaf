import { describe, expect, it } from "vitest";
import { parseTrustedProxyHops, refuseRequest, resolveClientAddress } from "./request-guard.mjs";

describe("resolveClientAddress", () => {
  it("with no trusted proxy, the socket decides whatever X-Forwarded-For says", () => {
    for (const forwardedFor of [undefined, "", "198.18.77.31", "6.6.6.6, 198.18.77.31", "not-an-address"]) {
      expect(resolveClientAddress({ socketAddress: "203.0.113.9", forwardedFor, trustedProxyHops: 0 })).toBe("203.0.113.9");
    }
  });
  it("IPv4-mapped IPv6 socket addresses are written as IPv4", () => {
    expect(resolveClientAddress({ socketAddress: "::ffff:127.0.0.5", forwardedFor: undefined, trustedProxyHops: 0 })).toBe("127.0.0.5");
    expect(resolveClientAddress({ socketAddress: "::1", forwardedFor: undefined, trustedProxyHops: 0 })).toBe("::1");
  });
  it("behind one proxy, the address that proxy appended; what the client prepended counts for nothing", () => {
    expect(resolveClientAddress({ socketAddress: "10.0.0.2", forwardedFor: "203.0.113.9", trustedProxyHops: 1 })).toBe("203.0.113.9");
    expect(resolveClientAddress({ socketAddress: "10.0.0.2", forwardedFor: "6.6.6.6, 1.2.3.4, 203.0.113.9", trustedProxyHops: 1 })).toBe("203.0.113.9");
    expect(resolveClientAddress({ socketAddress: "10.0.0.2", forwardedFor: ["6.6.6.6", "203.0.113.9"], trustedProxyHops: 1 })).toBe("203.0.113.9");
  });
  it("behind two proxies, the address the outer one appended", () => {
    expect(resolveClientAddress({ socketAddress: "10.0.0.3", forwardedFor: "6.6.6.6, 203.0.113.9, 10.0.0.2", trustedProxyHops: 2 })).toBe("203.0.113.9");
  });
  it("a request that skipped the proxy keys on what is there, never on nothing", () => {
    expect(resolveClientAddress({ socketAddress: "203.0.113.9", forwardedFor: undefined, trustedProxyHops: 1 })).toBe("203.0.113.9");
    expect(resolveClientAddress({ socketAddress: "203.0.113.9", forwardedFor: "garbage", trustedProxyHops: 1 })).toBe("203.0.113.9");
    expect(resolveClientAddress({ socketAddress: undefined, forwardedFor: undefined, trustedProxyHops: 0 })).toBe("unknown");
  });
});

describe("parseTrustedProxyHops", () => {
  it("defaults to no proxy and refuses what is not a count", () => {
    expect(parseTrustedProxyHops(undefined)).toBe(0);
    expect(parseTrustedProxyHops("")).toBe(0);
    expect(parseTrustedProxyHops("2")).toBe(2);
    for (const bad of ["-1", "1.5", "yes", "100", " 1"]) expect(() => parseTrustedProxyHops(bad)).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});

describe("refuseRequest", () => {
  it("answers the methods the app serves", () => {
    for (const method of ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) expect(refuseRequest({ method, url: "/login" })).toBeNull();
  });
  it("refuses TRACE and other methods with 405", () => {
    for (const method of ["TRACE", "TRACK", "CONNECT", "PROPFIND", "get", "FOO"]) expect(refuseRequest({ method, url: "/" })?.status).toBe(405);
  });
  it("refuses a path whose percent-encoding does not decode with 400; a bad query is the route's to judge", () => {
    for (const url of ["/%", "/%E0%A4%A", "/help/%ZZ", "/api/tickets/%C0/csv"]) expect(refuseRequest({ method: "GET", url })?.status).toBe(400);
    expect(refuseRequest({ method: "GET", url: "/help/data-backup?q=%" })).toBeNull();
    expect(refuseRequest({ method: "GET", url: "/help/%C5%82" })).toBeNull();
  });
});
