import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyImport } from "@/lib/import/apply-import";
import type { ImportPreview } from "@/lib/import/import-figures";
import { stageImport } from "@/lib/import/stage-import";
import { takeSnapshot } from "@/lib/snapshots/take-snapshot";
import { createTestAccount } from "@/lib/testing/fixtures";
import { exportSnapshotToFile } from "@/lib/testing/csv-files";
import { useTestDatabase } from "@/lib/testing/test-db";
import { dumpLiveAccount } from "@/lib/testing/ticket-fixtures";

const t = useTestDatabase();
const dir = mkdtempSync(path.join(tmpdir(), "rd-import-"));
const COUNTS = { company: 150, contact: 1200, deal: 300, lead: 200, activity: 30, comment: 20, history: 20, task: 10, product: 10, customField: 7 };

async function exportOf(accountId: string) {
  const snapshot = await takeSnapshot({ db: t.db, accountId, kind: "MANUAL" });
  const file = path.join(dir, `${snapshot.id}.csv`);
  await exportSnapshotToFile(t.url, snapshot.id, file);
  return file;
}

const stage = (acme: Awaited<ReturnType<typeof createTestAccount>>, file: string, mode: "ONLY_MISSING" | "OVERWRITE" = "ONLY_MISSING") =>
  stageImport({ db: t.db, databaseUrl: t.url, accountId: acme.account.id, userId: acme.admin.id, path: file, fileName: path.basename(file), mode });
const preview = async (id: string) => (await t.db.csvImport.findUniqueOrThrow({ where: { id } })).preview as ImportPreview;

describe("CSV import", () => {
  it("brings back exactly the 500 deleted contacts in 'only missing' mode, and a second import changes nothing", async () => {
    const acme = await createTestAccount(t.db, { snapshotDaysAgo: [], counts: COUNTS });
    const file = await exportOf(acme.account.id);
    const before = await dumpLiveAccount(t.db, acme.account.id);
    await t.db.$executeRaw`DELETE FROM crm_contact WHERE id IN (SELECT id FROM crm_contact WHERE "accountId" = ${acme.account.id}::uuid ORDER BY id LIMIT 500)`;
    // And something edited since the file was made: "only missing" must keep it.
    await t.db.$executeRaw`UPDATE crm_company SET name = 'Renamed since' WHERE id = (SELECT id FROM crm_company WHERE "accountId" = ${acme.account.id}::uuid ORDER BY id LIMIT 1)`;
    const edited = await dumpLiveAccount(t.db, acme.account.id);

    const id = await stage(acme, file);
    const p = await preview(id);
    expect(p.fileProblem).toBeNull();
    expect(p.problemCount).toBe(0);
    expect(p.perType!.contact).toEqual({ rows: 1200, create: 500, identical: 700, differ: 0 });
    expect(p.perType!.company).toEqual({ rows: 150, create: 0, identical: 149, differ: 1 });
    expect(await dumpLiveAccount(t.db, acme.account.id)).toEqual(edited); // a preview writes nothing

    const figures = await applyImport({ db: t.db, accountId: acme.account.id, importId: id });
    expect(figures.contact).toEqual({ created: 500, updated: 0, skipped: 700 });
    expect(figures.company).toEqual({ created: 0, updated: 0, skipped: 150 });
    const after = await dumpLiveAccount(t.db, acme.account.id);
    expect(after.contact).toEqual(before.contact); // exactly those 500, as they were
    expect(after.company).toEqual(edited.company); // the edit survived
    for (const table of ["deal", "lead", "activity", "comment", "history", "task", "product", "customField"]) expect(after[table], table).toEqual(edited[table]);
    await expect(applyImport({ db: t.db, accountId: acme.account.id, importId: id })).rejects.toMatchObject({ message: "IMPORT_ALREADY_DONE" });

    const again = await stage(acme, file);
    expect((await preview(again)).perType!.contact).toMatchObject({ create: 0, identical: 1200 });
    const second = await applyImport({ db: t.db, accountId: acme.account.id, importId: again });
    expect(second.contact.created + second.contact.updated).toBe(0);
    expect(await dumpLiveAccount(t.db, acme.account.id)).toEqual(after);
    expect((await t.db.csvImport.findUniqueOrThrow({ where: { id } })).status).toBe("APPLIED");
  });

  it("'overwrite' also puts back edited rows of this account", async () => {
    const acme = await createTestAccount(t.db, { snapshotDaysAgo: [] });
    const file = await exportOf(acme.account.id);
    const before = await dumpLiveAccount(t.db, acme.account.id);
    await t.db.$executeRaw`UPDATE crm_deal SET stage = 'LOST', amount = 1 WHERE "accountId" = ${acme.account.id}::uuid`;
    const id = await stage(acme, file, "OVERWRITE");
    expect((await preview(id)).perType!.deal).toMatchObject({ differ: 20, create: 0 });
    const figures = await applyImport({ db: t.db, accountId: acme.account.id, importId: id });
    expect(figures.deal).toEqual({ created: 0, updated: 20, skipped: 0 });
    expect(await dumpLiveAccount(t.db, acme.account.id)).toEqual(before);
  });

  it("never touches another account: ids of its rows are refused with their lines, and the import cannot be applied", async () => {
    const acme = await createTestAccount(t.db, { snapshotDaysAgo: [] });
    const globex = await createTestAccount(t.db, { snapshotDaysAgo: [] });
    const globexFile = await exportOf(globex.account.id);
    const globexBefore = await dumpLiveAccount(t.db, globex.account.id);
    const acmeBefore = await dumpLiveAccount(t.db, acme.account.id);
    const id = await stage(acme, globexFile, "OVERWRITE");
    const p = await preview(id);
    expect(p.problemCount).toBe(77);
    expect(p.problems[0]).toMatchObject({ line: 2, column: "id", reason: "ID_OF_ANOTHER_ACCOUNT" });
    await expect(applyImport({ db: t.db, accountId: acme.account.id, importId: id })).rejects.toMatchObject({ message: "IMPORT_HAS_PROBLEMS" });
    await expect(applyImport({ db: t.db, accountId: globex.account.id, importId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await dumpLiveAccount(t.db, globex.account.id)).toEqual(globexBefore);
    expect(await dumpLiveAccount(t.db, acme.account.id)).toEqual(acmeBefore);
  });

  it("is all or nothing: a failure on the third type rolls back the first two", async () => {
    const acme = await createTestAccount(t.db, { snapshotDaysAgo: [] });
    const file = await exportOf(acme.account.id);
    await t.db.$executeRaw`DELETE FROM crm_company WHERE "accountId" = ${acme.account.id}::uuid`;
    await t.db.$executeRaw`DELETE FROM crm_contact WHERE "accountId" = ${acme.account.id}::uuid`;
    await t.db.$executeRaw`DELETE FROM crm_deal WHERE "accountId" = ${acme.account.id}::uuid`;
    const before = await dumpLiveAccount(t.db, acme.account.id);
    const id = await stage(acme, file);
    // A value the database refuses, staged after the checks (as a disk or bug would).
    await t.db.$executeRaw`UPDATE csv_import_row SET data = jsonb_set(data, '{amount}', '"not a number"') WHERE "importId" = ${id}::uuid AND line = (SELECT max(line) FROM csv_import_row WHERE "importId" = ${id}::uuid AND type = 'deal')`;
    await expect(applyImport({ db: t.db, accountId: acme.account.id, importId: id })).rejects.toThrow();
    expect(await dumpLiveAccount(t.db, acme.account.id)).toEqual(before);
    expect((await t.db.csvImport.findUniqueOrThrow({ where: { id } })).status).toBe("PREVIEW");
  });

  it.each([
    ["empty file", "", "EMPTY_FILE"],
    ["only a BOM", "\uFEFF", "EMPTY_FILE"],
    ["only a header", "type,id,firstName\r\n", "ONLY_HEADER"],
    ["a wrong header", "Imię;Nazwisko\nJan;Kowalski\n", "WRONG_HEADER"],
    ["broken quotes", 'type,id,firstName\ncontact,6f1c3c1e-2f7a-4a52-9a1e-0d9f3b0c1a2b,"Jan\n', "BROKEN_QUOTES"],
    ["a 5 MB field", `type,id,firstName\ncontact,6f1c3c1e-2f7a-4a52-9a1e-0d9f3b0c1a2b,${"x".repeat(5 * 1024 * 1024)}\n`, "RECORD_TOO_LARGE"],
    ["100,000 columns", `${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(",")}\n`, "RECORD_TOO_LARGE"],
    ["binary junk", Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)), "BROKEN_QUOTES"],
    ["NUL bytes in the header", "type,id,first\u0000Name\n", "WRONG_HEADER"],
  ])("%s: a clear reason, nothing staged, nothing written", async (_name, content, reason) => {
    const acme = await createTestAccount(t.db, { snapshotDaysAgo: [] });
    const before = await dumpLiveAccount(t.db, acme.account.id);
    const file = path.join(dir, `bad-${Math.random()}.csv`);
    writeFileSync(file, content);
    const id = await stage(acme, file);
    const p = await preview(id);
    expect(p.fileProblem?.reason).toBe(reason);
    expect(await t.db.csvImportRow.count({ where: { importId: id } })).toBe(0);
    await expect(applyImport({ db: t.db, accountId: acme.account.id, importId: id })).rejects.toMatchObject({ message: "IMPORT_HAS_PROBLEMS" });
    expect(await dumpLiveAccount(t.db, acme.account.id)).toEqual(before);
  });

  it("reads what a Polish spreadsheet saves: semicolons, Windows-1250, CRLF, reordered and extra empty columns, blank lines, quoted newlines", async () => {
    const acme = await createTestAccount(t.db, { snapshotDaysAgo: [] });
    const text = 'firstName;;id;type;lastName;position;custom.UF_VIP#boolean\r\n"Łucja";;11111111-2f7a-4a52-9a1e-0d9f3b0c1a2b;contact;Żółkiewska;"Kierownik\r\nsprzedaży";true\r\n;;;;;;\r\n\r\n';
    const file = path.join(dir, "excel.csv");
    writeFileSync(file, Buffer.from(new TextDecoder("utf-8").decode(Buffer.from(text)).split("").map((c) => ({ Ł: 0xa3, Ż: 0xaf, ó: 0xf3, ł: 0xb3, ż: 0xbf }[c] ?? c.charCodeAt(0)))));
    const id = await stage(acme, file);
    const draft = await t.db.csvImport.findUniqueOrThrow({ where: { id } });
    expect(draft).toMatchObject({ encoding: "windows-1250", delimiter: ";", rowCount: 1 });
    expect((draft.preview as ImportPreview).problems).toEqual([]);
    await applyImport({ db: t.db, accountId: acme.account.id, importId: id });
    const contact = await t.db.contact.findUniqueOrThrow({ where: { id: "11111111-2f7a-4a52-9a1e-0d9f3b0c1a2b" } });
    expect(contact).toMatchObject({ firstName: "Łucja", lastName: "Żółkiewska", position: "Kierownik\r\nsprzedaży", customFields: { UF_VIP: true }, accountId: acme.account.id });
  });
});
