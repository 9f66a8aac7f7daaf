import { describe, expect, it } from "vitest";
import { createStaff, createTestAccount } from "@/lib/testing/fixtures";
import { useTestDatabase } from "@/lib/testing/test-db";
import { authenticate } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";

const t = useTestDatabase();
const version = async (id: string) => (await t.db.user.findUniqueOrThrow({ where: { id } })).sessionVersion;

describe("session revocation in the database", () => {
  it("disabling, a new role, a new password or a new account owner ends existing sessions; a new name does not", async () => {
    const staff = await createStaff(t.db);
    const id = staff.user.id;
    let v = await version(id);
    await t.db.user.update({ where: { id }, data: { name: "Renamed" } });
    expect(await version(id)).toBe(v);
    for (const change of [{ isLead: true }, { disabledAt: new Date() }, { disabledAt: null }, { passwordHash: "x2" }]) {
      await t.db.user.update({ where: { id }, data: change });
      expect(await version(id), JSON.stringify(change)).toBe(++v);
    }

    const acme = await createTestAccount(t.db, { snapshotDaysAgo: [] });
    const [admin, member] = [await version(acme.admin.id), await version(acme.member.id)];
    await t.db.account.update({ where: { id: acme.account.id }, data: { ownerId: acme.member.id } });
    expect(await version(acme.admin.id)).toBe(admin + 1);
    expect(await version(acme.member.id)).toBe(member + 1);
  });

  it("an unknown email costs the same time as a wrong password (no user enumeration by timing)", async () => {
    const staff = await createStaff(t.db);
    await t.db.user.update({ where: { id: staff.user.id }, data: { passwordHash: await hashPassword("right-password-1") } });
    const time = async (email: string) => {
      const started = performance.now();
      const result = await authenticate({ db: t.db, input: { email, password: "wrong-password-9" }, address: `timing-${Math.random()}` });
      expect(result.ok).toBe(false);
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    // Both emails take the same rate-limit path (the first attempt creates the email's
    // counter; later ones update it): one unknown email, warmed up like the known one.
    const nobody = "nobody@nowhere.example";
    await time(staff.user.email);
    await time(nobody);
    for (let i = 0; i < 12; i++) {
      known.push(await time(staff.user.email));
      unknown.push(await time(nobody));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const [k, u] = [median(known), median(unknown)];
    console.log(`sign-in timing: wrong password ${k.toFixed(1)} ms, unknown email ${u.toFixed(1)} ms (difference ${(u - k).toFixed(1)} ms)`);
    expect(Math.abs(u - k) / k).toBeLessThan(0.35);
  });
});
