import { beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/lib/testing/test-db";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "@/lib/auth/password";
import { authenticate, SIGN_IN_LIMITS } from "@/lib/auth/authenticate";

// The real verification, watched: which hash each attempt is checked against.
vi.mock("@/lib/auth/password", async (original) => {
  const real = await original<typeof import("@/lib/auth/password")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

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

  it("does the same scrypt work for an unknown email as for a wrong password (no user enumeration by timing)", async () => {
    // Counted, not timed: a stopwatch on a busy machine measures the machine. The dummy hash has the
    // same cost parameters as a real one (password.test.ts), so one verification each is the same time.
    const ann = await t.db.user.findUniqueOrThrow({ where: { email: "ann@acme.test" } });
    const checkedAgainst = async (input: unknown) => {
      vi.mocked(verifyPassword).mockClear();
      await authenticate({ db: t.db, input, address: nextAddress() });
      return vi.mocked(verifyPassword).mock.calls.map(([, hash]) => (hash === DUMMY_PASSWORD_HASH ? "dummy" : hash === ann.passwordHash ? "ann's" : hash));
    };
    expect(await checkedAgainst({ email: "ann@acme.test", password: "wrong" })).toEqual(["ann's"]);
    expect(await checkedAgainst({ email: "nobody@acme.test", password: "wrong" })).toEqual(["dummy"]);
    expect(await checkedAgainst({ email: "gone@acme.test", password: "right-password" })).toHaveLength(1);
    expect(await checkedAgainst({ email: "not an email", password: "" })).toEqual(["dummy"]);
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
