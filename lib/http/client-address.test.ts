import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/http/client-address";

describe("client address", () => {
  it("takes the hop our side appended, not what the client wrote first", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6, 10.0.0.7" }))).toBe("10.0.0.7");
    expect(clientAddress({ "x-forwarded-for": "127.0.0.1" })).toBe("127.0.0.1");
    expect(clientAddress(new Headers({ "x-real-ip": "10.1.1.1" }))).toBe("10.1.1.1");
    expect(clientAddress(new Headers())).toBe("unknown");
    expect(clientAddress(undefined)).toBe("unknown");
  });
});
