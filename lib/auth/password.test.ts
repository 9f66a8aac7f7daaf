import { describe, expect, it } from "vitest";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "@/lib/auth/password";

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("demo-pass-2026");
    expect(hash.startsWith("scrypt$16384$8$1$")).toBe(true);
    expect(await verifyPassword("demo-pass-2026", hash)).toBe(true);
    expect(await verifyPassword("demo-pass-2027", hash)).toBe(false);
  });
  it("salts every hash", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });
  it("the dummy hash costs what a real one does: same scrypt parameters, salt and key sizes", async () => {
    const shape = (hash: string) => {
      const [scheme, n, r, p, salt, key] = hash.split("$");
      return { scheme, n, r, p, salt: Buffer.from(salt, "base64").length, key: Buffer.from(key, "base64").length };
    };
    expect(shape(DUMMY_PASSWORD_HASH)).toEqual(shape(await hashPassword("anything")));
  });
  it("nothing verifies against the dummy hash or a malformed one", async () => {
    expect(await verifyPassword("", DUMMY_PASSWORD_HASH)).toBe(false);
    expect(await verifyPassword("x", "plain-text")).toBe(false);
  });
});
