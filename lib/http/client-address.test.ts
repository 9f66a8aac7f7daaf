import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "@/lib/http/client-address";
import { CLIENT_ADDRESS_HEADER as WRITTEN_BY_SERVER } from "@/scripts/lib/request-guard.mjs";

describe("client address", () => {
  it("reads the header the app's server writes, under the same name", () => {
    expect(CLIENT_ADDRESS_HEADER).toBe(WRITTEN_BY_SERVER);
    expect(clientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientAddress({ [CLIENT_ADDRESS_HEADER]: "127.0.0.1" })).toBe("127.0.0.1");
  });
  it("never reads X-Forwarded-For or X-Real-IP: a client writes those", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6, 10.0.0.7" }))).toBe("unknown");
    expect(clientAddress(new Headers({ "x-real-ip": "10.1.1.1" }))).toBe("unknown");
    expect(clientAddress(new Headers())).toBe("unknown");
    expect(clientAddress(undefined)).toBe("unknown");
  });
});
