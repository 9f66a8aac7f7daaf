import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { ACCOUNT_TABLES, type AccountTable } from "@/lib/account-data/tables";
import { snapshotRows } from "@/lib/testing/snapshot-rows";
import { executeRun } from "@/lib/restore/execute-run";
import { restoreCell } from "@/lib/csv/csv-format";
import { pruneExpiredCsvFiles } from "@/lib/restore/prune-csv-files";
import { startRestoreRun } from "@/lib/restore/start-run";
import { takeSnapshot } from "@/lib/snapshots/take-snapshot";
import { createStaff, createTestAccount } from "@/lib/testing/fixtures";
import { useTestDatabase } from "@/lib/testing/test-db";
import { createTicketInState } from "@/lib/testing/ticket-fixtures";

const t = useTestDatabase();

const TRICKY = {
  polish: "Zażółć gęślą jaźń — Łódź, Gdańsk",
  formula: "=HYPERLINK(\"http://evil.example\",\"click\")",
  quoted: "'already quoted",
  multiline: 'Line one\r\nline "two", with a comma',
};

describe("CSV restore", () => {
  it("writes exactly the snapshot's CRM items, with fields, custom fields, Polish letters and neutralised formulas", async () => {
    const acme = await createTestAccount(t.db, { snapshotDaysAgo: [] });
    const other = await createTestAccount(t.db, { snapshotDaysAgo: [0] });
    const agent = await createStaff(t.db);
    const [contact] = await t.db.contact.findMany({ where: { accountId: acme.account.id }, take: 1, orderBy: { id: "asc" } });
    await t.db.contact.update({
      where: { id: contact.id },
      data: { firstName: TRICKY.polish, lastName: TRICKY.formula, position: TRICKY.quoted, phone: "+48 600 100 200", email: TRICKY.multiline, customFields: { UF_NOTE: "-5 points", UF_SCORE: 7, UF_VIP: true } },
    });
    const snapshot = await takeSnapshot({ db: t.db, accountId: acme.account.id, kind: "DAILY" });
    // Changes after the snapshot must not appear in the file.
    await t.db.contact.update({ where: { id: contact.id }, data: { firstName: "Changed later" } });

    const ticket = await createTicketInState(t.db, { accountId: acme.account.id, requesterId: acme.admin.id, snapshotId: snapshot.id, method: "CSV" });
    const storageRoot = mkdtempSync(path.join(tmpdir(), "rd-csv-"));
    const { runId } = await startRestoreRun({ db: t.db, actor: agent.actor, number: ticket.number, expectedVersion: ticket.version });
    await executeRun({ db: t.db, databaseUrl: t.url, storageRoot }, runId);

    const run = await t.db.restoreRun.findUniqueOrThrow({ where: { id: runId }, include: { csvFile: true } });
    expect(run.status).toBe("SUCCEEDED");
    const file = run.csvFile!;
    const bytes = readFileSync(path.join(storageRoot, file.storagePath));
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(file.sha256);
    expect(BigInt(bytes.length)).toBe(file.sizeBytes);
    expect(file.expiresAt.getTime() - file.createdAt.getTime()).toBe(7 * 24 * 60 * 60 * 1000);

    const records: Record<string, string>[] = parse(bytes, { bom: true, columns: true });
    const expectedIds = async (table: AccountTable) =>
      (await t.db.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text AS id FROM ${snapshotRows(table, "$1")} s ORDER BY id`, snapshot.id)).map((r) => r.id);
    for (const table of ACCOUNT_TABLES.filter((x) => x.crmItem)) {
      expect(records.filter((r) => r.type === table.key).map((r) => r.id), table.key).toEqual(await expectedIds(table));
    }
    expect(new Set(records.map((r) => r.type))).toEqual(new Set(["company", "contact", "deal", "lead"]));
    expect(file.rowCounts).toEqual({ company: 12, contact: 30, deal: 20, lead: 15 });
    const otherIds = new Set((await t.db.contact.findMany({ where: { accountId: other.account.id }, select: { id: true } })).map((c) => c.id));
    expect(records.some((r) => otherIds.has(r.id))).toBe(false);

    const row = records.find((r) => r.id === contact.id)!;
    expect(row.firstName).toBe(TRICKY.polish);
    expect(row.lastName).toBe(`'${TRICKY.formula}`);
    expect(row.position).toBe(`''already quoted`);
    expect(row.phone).toBe("'+48 600 100 200");
    expect(row.email).toBe(TRICKY.multiline);
    for (const [field, original] of [["firstName", TRICKY.polish], ["lastName", TRICKY.formula], ["position", TRICKY.quoted]]) {
      expect(restoreCell(row[field])).toBe(original);
    }
    expect(row["custom.UF_NOTE"]).toBe("'-5 points");
    expect(row["custom.UF_SCORE#number"]).toBe("7");
    expect(row["custom.UF_VIP#boolean"]).toBe("true");
    expect(row["custom.UF_NEWSLETTER#boolean"]).toBe(""); // another contact's key: empty here
    expect(row.createdAt).toBe(contact.createdAt.toISOString());
    // Every cell a spreadsheet could run starts with the guard.
    for (const r of records) for (const value of Object.values(r)) expect(value).not.toMatch(/^[=+\-@\t\r]/);

    const done = await t.db.restoreTicket.findUniqueOrThrow({ where: { id: ticket.id }, include: { events: { orderBy: { createdAt: "desc" }, take: 1 } } });
    expect(done.status).toBe("COMPLETED");
    expect(done.events[0].data).toMatchObject({ figures: { rows: 77, sha256: file.sha256 } });

    // The file goes with the retention window — not a millisecond before.
    const stored = path.join(storageRoot, file.storagePath);
    await pruneExpiredCsvFiles({ db: t.db, storageRoot, now: file.expiresAt });
    expect(existsSync(stored)).toBe(true);
    await pruneExpiredCsvFiles({ db: t.db, storageRoot, now: new Date(file.expiresAt.getTime() + 1) });
    expect(existsSync(stored)).toBe(false);
  });
});
