import { describe, expect, it } from "vitest";
import { createStaff, createTestAccount } from "@/lib/testing/fixtures";
import { useTestDatabase } from "@/lib/testing/test-db";

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
});
