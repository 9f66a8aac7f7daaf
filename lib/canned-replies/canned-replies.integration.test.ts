import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/test-db";
import { createStaff, createTestAccount, isoDateDaysAgo, requestInput } from "@/lib/testing/fixtures";
import { createRestoreRequest } from "@/lib/tickets/create-restore-request";
import { AppError } from "@/lib/errors/app-error";
import { formatTicketNumber } from "@/lib/format/ticket-number";
import { appBaseUrl } from "@/lib/notifications/app-url";
import { createCannedReply } from "@/lib/canned-replies/create-canned-reply";
import { updateCannedReply } from "@/lib/canned-replies/update-canned-reply";
import { deleteCannedReply } from "@/lib/canned-replies/delete-canned-reply";
import { listCannedReplies } from "@/lib/canned-replies/list-canned-replies";
import { listCannedRepliesForTicket } from "@/lib/canned-replies/list-canned-replies-for-ticket";
import { DEMO_CANNED_REPLIES, seedCannedReplies } from "@/lib/seed/canned-replies-seed";

const t = useTestDatabase();
let agent: Awaited<ReturnType<typeof createStaff>>;
let lead: Awaited<ReturnType<typeof createStaff>>;

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, key: error.key, params: error.params };
    throw error;
  }
  return "OK";
}

const count = () => t.db.cannedReply.count();

beforeAll(async () => {
  agent = await createStaff(t.db);
  lead = await createStaff(t.db, { lead: true });
});

describe("create, update, delete", () => {
  it("creates a reply recording who wrote it", async () => {
    const { id } = await createCannedReply({ db: t.db, actor: agent.user, input: { locale: "en", title: "Hello", body: "Hi {{requesterName}}, about {{ticketNumber}}." } });
    const stored = await t.db.cannedReply.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ locale: "en", title: "Hello", updatedById: agent.user.id });
  });

  it("refuses an unknown variable, naming it, and stores nothing", async () => {
    const before = await count();
    expect(await refusal(createCannedReply({ db: t.db, actor: agent.user, input: { locale: "en", title: "Broken", body: "Dear {{customer}}, {{ticketNumber}}" } }))).toEqual({
      code: "VALIDATION",
      key: "CANNED_REPLY_UNKNOWN_VARIABLE",
      params: { names: "{{customer}}", count: 1 },
    });
    expect(await refusal(createCannedReply({ db: t.db, actor: agent.user, input: { locale: "en", title: "Broken", body: "Dear {{requesterName" } }))).toMatchObject({ key: "CANNED_REPLY_UNCLOSED_VARIABLE" });
    expect(await count()).toBe(before);
  });

  it("refuses a title its language already has; the other language may use it", async () => {
    expect(await refusal(createCannedReply({ db: t.db, actor: agent.user, input: { locale: "en", title: "Hello", body: "Again" } }))).toMatchObject({ code: "CONFLICT", key: "CANNED_REPLY_DUPLICATE_TITLE", params: { title: "Hello" } });
    expect(await refusal(createCannedReply({ db: t.db, actor: agent.user, input: { locale: "pl", title: "Hello", body: "Cześć {{requesterName}}" } }))).toBe("OK");
  });

  it("updates text, title and editor; an unknown variable or a taken title changes nothing", async () => {
    const { id } = await createCannedReply({ db: t.db, actor: agent.user, input: { locale: "en", title: "Expiry", body: "Held until {{backupExpiry}}." } });
    await updateCannedReply({ db: t.db, actor: lead.user, id, input: { locale: "en", title: "Backup expiry", body: "Held until {{ backupExpiry }}, {{requesterName}}." } });
    const updated = await t.db.cannedReply.findUniqueOrThrow({ where: { id } });
    expect(updated).toMatchObject({ title: "Backup expiry", body: "Held until {{ backupExpiry }}, {{requesterName}}.", updatedById: lead.user.id });

    expect(await refusal(updateCannedReply({ db: t.db, actor: agent.user, id, input: { locale: "en", title: "Backup expiry", body: "{{expiry}}" } }))).toMatchObject({ key: "CANNED_REPLY_UNKNOWN_VARIABLE" });
    expect(await refusal(updateCannedReply({ db: t.db, actor: agent.user, id, input: { locale: "en", title: "Hello", body: "Taken title" } }))).toMatchObject({ key: "CANNED_REPLY_DUPLICATE_TITLE" });
    expect(await t.db.cannedReply.findUniqueOrThrow({ where: { id } })).toEqual(updated);
  });

  it("updating or deleting a reply that is gone is NOT_FOUND", async () => {
    const input = { locale: "en" as const, title: "Ghost", body: "Boo" };
    expect(await refusal(updateCannedReply({ db: t.db, actor: agent.user, id: randomUUID(), input }))).toMatchObject({ code: "NOT_FOUND", key: "CANNED_REPLY_NOT_FOUND" });
    expect(await refusal(deleteCannedReply({ db: t.db, id: randomUUID() }))).toMatchObject({ code: "NOT_FOUND" });
    const { id } = await createCannedReply({ db: t.db, actor: agent.user, input });
    await deleteCannedReply({ db: t.db, id });
    expect(await t.db.cannedReply.findUnique({ where: { id } })).toBeNull();
  });
});

describe("listing", () => {
  it("groups per language, by title, with the last editor; search filters by title and text", async () => {
    const list = await listCannedReplies({ db: t.db });
    expect(list.groups.map((g) => g.locale)).toEqual(["en", "pl"]);
    expect(list.groups[0].replies.map((r) => r.title)).toEqual(["Backup expiry", "Hello"]);
    expect(list.groups[0].replies[0].updatedBy).toBe(lead.user.name);
    expect(list.groups[1].replies.map((r) => r.title)).toEqual(["Hello"]);

    const found = await listCannedReplies({ db: t.db, query: "CZEŚĆ" });
    expect(found.total).toBe(3);
    expect(found.groups.map((g) => g.replies.map((r) => r.locale))).toEqual([[], ["pl"]]);
  });
});

describe("filled for a ticket", () => {
  let number: number;
  let accountId: string;
  let ticketId: string;

  beforeAll(async () => {
    await t.db.cannedReply.deleteMany();
    await seedCannedReplies({ db: t.db });
    const account = await createTestAccount(t.db, { snapshotDaysAgo: [0, 1, 2] });
    accountId = account.account.id;
    await t.db.user.update({ where: { id: account.admin.id }, data: { locale: "pl", name: "Zofia Łęcka" } });
    ({ number } = await createRestoreRequest({ db: t.db, actor: account.adminActor, input: requestInput({ method: "CSV", restoreDate: isoDateDaysAgo(1) }) }));
    ticketId = (await t.db.restoreTicket.findUniqueOrThrow({ where: { number } })).id;
  });

  const choices = async (now = new Date()) => (await listCannedRepliesForTicket({ db: t.db, number, agentName: "Sara Support", now }))!;
  const reply = async (title: string, now?: Date) => (await choices(now)).groups.flatMap((g) => g.replies).find((r) => r.title === title)!;

  it("the seed is idempotent and keeps replies support has edited", async () => {
    await t.db.cannedReply.updateMany({ where: { title: "Potrzebujemy przybliżonej godziny usunięcia" }, data: { body: "Edited {{ticketNumber}}" } });
    await seedCannedReplies({ db: t.db });
    expect(await count()).toBe(DEMO_CANNED_REPLIES.length);
    expect(DEMO_CANNED_REPLIES.filter((r) => r.locale === "en")).toHaveLength(6);
    expect(DEMO_CANNED_REPLIES.filter((r) => r.locale === "pl")).toHaveLength(6);
    expect((await t.db.cannedReply.findFirstOrThrow({ where: { title: "Potrzebujemy przybliżonej godziny usunięcia" } })).body).toBe("Edited {{ticketNumber}}");
  });

  it("in the requester's language first, filled with the ticket's details written that language's way", async () => {
    const { groups } = await choices();
    expect(groups.map((g) => [g.locale, g.requesterLanguage, g.replies.length])).toEqual([
      ["pl", true, 6],
      ["en", false, 6],
    ]);
    const ticket = await t.db.restoreTicket.findUniqueOrThrow({ where: { number } });
    const polish = await reply("Plik CSV czy pełne przywrócenie: co wybrać");
    expect(polish.text).toContain("Dzień dobry Zofia Łęcka,");
    expect(polish.text).toContain(`zgłoszeniem ${formatTicketNumber(number)}`);
    expect(polish.text).toContain(new Intl.DateTimeFormat("pl", { dateStyle: "long", timeZone: "UTC" }).format(ticket.restoreDate));
    expect(polish.text).toContain("Sara Support");
    expect(polish.text).not.toContain("{{");
    const english = await reply("CSV file or full restore: which one to choose");
    expect(english.text).toContain(new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" }).format(ticket.restoreDate));
    expect((await reply("Kopie przechowujemy 7 dni: prosimy o odpowiedź na czas")).missing).toEqual([]);
  });

  it("an English requester gets the English replies first", async () => {
    const requesterId = (await t.db.restoreTicket.findUniqueOrThrow({ where: { number } })).requesterId;
    await t.db.user.update({ where: { id: requesterId }, data: { locale: "en" } });
    expect((await choices()).groups.map((g) => g.locale)).toEqual(["en", "pl"]);
    await t.db.user.update({ where: { id: requesterId }, data: { locale: "pl" } });
  });

  it("the CSV link only once a file exists, and not after it expired", async () => {
    const title = "Plik CSV jest gotowy: jak go zaimportować";
    const before = await reply(title);
    expect(before.missing).toEqual(["csvLink"]);

    const run = await t.db.restoreRun.create({ data: { ticketId, accountId, kind: "CSV_EXPORT", status: "SUCCEEDED", idempotencyKey: randomUUID(), finishedAt: new Date() } });
    const expiresAt = new Date(Date.now() + 3 * 86_400_000);
    await t.db.csvFile.create({ data: { runId: run.id, ticketId, accountId, storagePath: "x.csv", fileName: "x.csv", sizeBytes: 10n, sha256: "0".repeat(64), rowCounts: {}, expiresAt } });
    const after = await reply(title);
    expect(after.missing).toEqual([]);
    expect(after.text).toContain(`${appBaseUrl()}/api/tickets/${formatTicketNumber(number)}/csv`);
    expect(after.text).toMatch(/^https?:\/\/.+\/csv$/m);

    const expired = await reply(title, new Date(expiresAt.getTime() + 1000));
    expect(expired.missing).toContain("csvLink");
    expect(expired.text).not.toContain("/csv");
  });

  it("no list for a ticket that does not exist", async () => {
    expect(await listCannedRepliesForTicket({ db: t.db, number: 999_999_999, agentName: "x" })).toBeNull();
  });
});
