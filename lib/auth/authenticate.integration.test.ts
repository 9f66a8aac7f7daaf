import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/test-db";
import { hashPassword } from "@/lib/auth/password";
import { authenticate, SIGN_IN_LIMITS } from "@/lib/auth/authenticate";

const t = useTestDatabase();
let address = 0;
const nextAddress = () => `10.0.0.${++address}`;

beforeAll(async () => {
  const passwordHash = await hashPassword("right-password");
  await t.db.user.create({ data: { email: "ann@acme.test", name: "Ann", passwordHash, kind: "CUSTOMER" } });
  await t.db.user.create({ data: { email: "gone@acme.test", name: "Gone", passwordHash, kind: "CUSTOMER", disabledAt: new Date() } });
});

describe("authenticate", () => {
  it("accepts the right password, case-insensitively on the email", async () => {
    const result = await authenticate({ db: t.db, input: { email: " Ann@Acme.TEST ", password: "right-password" }, address: nextAddress() });
    expect(result.ok && result.user.email).toBe("ann@acme.test");
  });

  it("answers every bad attempt the same way, revealing nothing", async () => {
    const attempts = [
      { email: "ann@acme.test", password: "wrong" },
      { email: "nobody@acme.test", password: "right-password" },
      { email: "gone@acme.test", password: "right-password" },
      { email: "", password: "" },
      { email: "ann@acme.test" },
      { email: "x".repeat(100_000) + "@a.test", password: "y".repeat(100_000) },
      null,
      "garbage",
    ];
    for (const input of attempts) {
      expect(await authenticate({ db: t.db, input, address: nextAddress() })).toEqual({ ok: false, reason: "INVALID" });
    }
  });

  it("throttles guessing on one email, even with the right password afterwards", async () => {
    const address = nextAddress();
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail; i++) {
      await authenticate({ db: t.db, input: { email: "target@acme.test", password: `guess-${i}` }, address: nextAddress() });
    }
    const blocked = await authenticate({ db: t.db, input: { email: "target@acme.test", password: "x" }, address });
    expect(blocked.ok).toBe(false);
    expect(!blocked.ok && blocked.reason).toBe("RATE_LIMITED");
    expect(!blocked.ok && blocked.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("throttles one address trying many emails", async () => {
    const address = nextAddress();
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) {
      await authenticate({ db: t.db, input: { email: `user${i}@acme.test`, password: "x" }, address });
    }
    const blocked = await authenticate({ db: t.db, input: { email: "ann@acme.test", password: "right-password" }, address });
    expect(!blocked.ok && blocked.reason).toBe("RATE_LIMITED");
    // Another address is not affected.
    const fine = await authenticate({ db: t.db, input: { email: "ann@acme.test", password: "right-password" }, address: nextAddress() });
    expect(fine.ok).toBe(true);
  });
});
