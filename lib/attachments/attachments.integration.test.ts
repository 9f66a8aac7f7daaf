import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { attachUploads } from "@/lib/attachments/attach-uploads";
import { discardUpload } from "@/lib/attachments/discard-upload";
import { pruneAttachments } from "@/lib/attachments/prune-attachments";
import { uploadAttachment } from "@/lib/attachments/upload-attachment";
import { addInternalNote } from "@/lib/tickets/add-internal-note";
import { replyToTicket } from "@/lib/tickets/reply-to-ticket";
import { createStaff, createTestAccount } from "@/lib/testing/fixtures";
import { createTicketInState } from "@/lib/testing/ticket-fixtures";
import { useTestDatabase } from "@/lib/testing/test-db";

const t = useTestDatabase();
const root = mkdtempSync(path.join(tmpdir(), "rd-attachments-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
const PDF = Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n");

/** A body as the browser streams it, in chunks of `chunk` bytes. */
function body(bytes: Buffer, chunk = 64): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(new Uint8Array(bytes.subarray(offset, offset + chunk)));
      offset += chunk;
    },
  });
}

function storedFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name));
      else out.push(entry.name);
    }
  };
  walk(root);
  return out;
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).key;
}

describe("attachments", () => {
  let acme: Awaited<ReturnType<typeof createTestAccount>>;
  let other: Awaited<ReturnType<typeof createTestAccount>>;
  let agent: Awaited<ReturnType<typeof createStaff>>;
  let ticket: { id: string; number: number };

  beforeAll(async () => {
    acme = await createTestAccount(t.db, { snapshotDaysAgo: [1] });
    other = await createTestAccount(t.db, { snapshotDaysAgo: [1] });
    agent = await createStaff(t.db);
    ticket = await createTicketInState(t.db, { accountId: acme.account.id, requesterId: acme.admin.id, snapshotId: acme.snapshots[0].id, status: "IN_REVIEW" });
  });

  const upload = (actor: Parameters<typeof uploadAttachment>[0]["actor"], fileName: string, bytes: Buffer | null, number = ticket.number) =>
    uploadAttachment({ db: t.db, actor, number, fileName, body: bytes && body(bytes), storageRoot: root });

  it("stores a customer's PNG and PDF, sends them with the reply, and support's note keeps its own", async () => {
    const png = await upload(acme.adminActor, "usunięte kontakty.png", PNG);
    const pdf = await upload(acme.adminActor, "export.pdf", PDF);
    expect([png.type, png.sizeBytes, pdf.type]).toEqual(["PNG", PNG.length, "PDF"]);
    const version = (await t.db.restoreTicket.findUniqueOrThrow({ where: { id: ticket.id } })).version;
    await replyToTicket({ db: t.db, actor: acme.adminActor, number: ticket.number, body: "Here is what vanished.", expectedVersion: version, attachmentIds: [png.id, pdf.id] });
    const reply = await t.db.ticketEvent.findFirstOrThrow({ where: { ticketId: ticket.id, kind: "REPLY" }, include: { attachments: true } });
    expect(reply.attachments.map((a) => a.fileName).sort()).toEqual(["export.pdf", "usunięte kontakty.png"]);

    const note = await upload(agent.actor, "internal.pdf", PDF);
    await addInternalNote({ db: t.db, actor: agent.actor, number: ticket.number, expectedVersion: version + 1, body: "Checked the logs.", attachmentIds: [note.id] });
    const noted = await t.db.ticketAttachment.findUniqueOrThrow({ where: { id: note.id }, include: { event: true } });
    expect(noted.event?.internal).toBe(true);
  });

  it("refuses what is not allowed with a clear reason, and keeps nothing of it", async () => {
    const filesBefore = storedFiles().length;
    const rowsBefore = await t.db.ticketAttachment.count();
    const html = Buffer.from("<!DOCTYPE html><html><script>alert(1)</script></html>");
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(await refusal(upload(acme.adminActor, "screenshot.png", html))).toBe("ATTACHMENT_TYPE_NOT_ALLOWED");
    expect(await refusal(upload(acme.adminActor, "drawing.svg", svg))).toBe("ATTACHMENT_TYPE_NOT_ALLOWED");
    expect(await refusal(upload(acme.adminActor, "tiny.png", Buffer.from([0x89, 0x50])))).toBe("ATTACHMENT_TYPE_NOT_ALLOWED");
    expect(await refusal(upload(acme.adminActor, "empty.png", Buffer.alloc(0)))).toBe("ATTACHMENT_EMPTY");
    expect(await refusal(upload(acme.adminActor, "nobody.png", null))).toBe("ATTACHMENT_EMPTY");
    const huge = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]);
    expect(await refusal(upload(acme.adminActor, "huge.png", huge))).toBe("ATTACHMENT_TOO_LARGE");
    expect(await refusal(upload(acme.adminActor, "../../etc/passwd.png", PNG))).toBe("ATTACHMENT_NAME_INVALID");
    expect(await refusal(upload(acme.adminActor, "bell\u0007.png", PNG))).toBe("ATTACHMENT_NAME_INVALID");
    expect(await refusal(upload(acme.adminActor, `${"x".repeat(300)}.png`, PNG))).toBe("ATTACHMENT_NAME_TOO_LONG");
    // Another account's admin cannot tell the ticket exists.
    expect(await refusal(upload(other.adminActor, "a.png", PNG))).toBe("TICKET_NOT_FOUND");
    expect(storedFiles().length).toBe(filesBefore);
    expect(await t.db.ticketAttachment.count()).toBe(rowsBefore);
  });

  it("allows ten waiting uploads per person and ticket, and a message only its sender's own", async () => {
    const mine = [];
    for (let i = 0; i < 10; i++) mine.push(await upload(acme.adminActor, `shot-${i}.png`, PNG));
    expect(await refusal(upload(acme.adminActor, "shot-11.png", PNG))).toBe("ATTACHMENTS_TOO_MANY");
    const agents = await upload(agent.actor, "theirs.png", PNG);
    const version = (await t.db.restoreTicket.findUniqueOrThrow({ where: { id: ticket.id } })).version;
    // Someone else's upload in the list: the whole message is refused, nothing attached, no reply recorded.
    const replies = await t.db.ticketEvent.count({ where: { ticketId: ticket.id, kind: "REPLY" } });
    expect(await refusal(replyToTicket({ db: t.db, actor: acme.adminActor, number: ticket.number, body: "x", expectedVersion: version, attachmentIds: [mine[0].id, agents.id] }))).toBe("ATTACHMENT_GONE");
    expect(await t.db.ticketEvent.count({ where: { ticketId: ticket.id, kind: "REPLY" } })).toBe(replies);
    expect(await t.db.ticketAttachment.count({ where: { id: { in: [mine[0].id, agents.id] }, eventId: { not: null } } })).toBe(0);
    // Taking one back frees its place; another person cannot take it back.
    expect(await discardUpload({ db: t.db, uploaderId: agent.user.id, ticketId: ticket.id, attachmentId: mine[1].id, storageRoot: root })).toBe(false);
    expect(await discardUpload({ db: t.db, uploaderId: acme.admin.id, ticketId: ticket.id, attachmentId: mine[1].id, storageRoot: root })).toBe(true);
    await upload(acme.adminActor, "shot-again.png", PNG);
  });

  it("holds the limit of ten waiting uploads against uploads sent side by side", async () => {
    const racer = await createTestAccount(t.db, { snapshotDaysAgo: [1] });
    const raced = await createTicketInState(t.db, { accountId: racer.account.id, requesterId: racer.admin.id, snapshotId: null, status: "IN_REVIEW" });
    const results = await Promise.allSettled(Array.from({ length: 14 }, (_, i) => upload(racer.adminActor, `shot-${i}.png`, PNG, raced.number)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).key).toBe("ATTACHMENTS_TOO_MANY");
    const kept = await t.db.ticketAttachment.findMany({ where: { ticketId: raced.id }, select: { storagePath: true } });
    expect(kept).toHaveLength(10);
    const onDisk = readdirSync(path.join(root, "attachments", racer.account.id, raced.id));
    expect(onDisk.sort()).toEqual(kept.map((k) => path.basename(k.storagePath)).sort());
  });

  it("keeps nothing of an upload the browser broke off", async () => {
    const rowsBefore = await t.db.ticketAttachment.count();
    const filesBefore = storedFiles().length;
    let sent = 0;
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ === 0) controller.enqueue(new Uint8Array(PNG));
        else controller.error(new Error("aborted"));
      },
    });
    const error = await uploadAttachment({ db: t.db, actor: agent.actor, number: ticket.number, fileName: "cut.png", body: broken, storageRoot: root }).catch((e: unknown) => e);
    expect((error as AppError).key).toBe("ATTACHMENT_INTERRUPTED");
    expect(await t.db.ticketAttachment.count()).toBe(rowsBefore);
    expect(storedFiles().length).toBe(filesBefore);
  });

  it("attaches only within the message's transaction: an unknown id refuses it", async () => {
    await t.db.$transaction(async (tx) => {
      const event = await tx.ticketEvent.create({ data: { ticketId: ticket.id, accountId: acme.account.id, kind: "REPLY", body: "x" } });
      await expect(attachUploads(tx, { ticketId: ticket.id, uploaderId: acme.admin.id, eventId: event.id, attachmentIds: ["00000000-0000-4000-8000-000000000000"] })).rejects.toThrow("ATTACHMENT_GONE");
    }).catch(() => undefined);
  });

  it("removes sent files when the ticket's retention ends, and uploads never sent after a day", async () => {
    const closed = await createTicketInState(t.db, { accountId: other.account.id, requesterId: other.admin.id, snapshotId: null, status: "IN_REVIEW" });
    const sent = await upload(other.adminActor, "old.png", PNG, closed.number);
    await replyToTicket({ db: t.db, actor: other.adminActor, number: closed.number, body: "old", expectedVersion: 1, attachmentIds: [sent.id] });
    const monthAgo = new Date(Date.now() - 31 * 86_400_000);
    await t.db.restoreTicket.update({ where: { id: closed.id }, data: { status: "COMPLETED", openForAccountId: null, closedAt: monthAgo } });
    // Support can still write on a closed ticket: a file sent since gets its own 30 days.
    const late = await upload(agent.actor, "late.pdf", PDF, closed.number);
    await addInternalNote({ db: t.db, actor: agent.actor, number: closed.number, expectedVersion: 2, body: "late", attachmentIds: [late.id] });
    await t.db.ticketAttachment.update({ where: { id: sent.id }, data: { createdAt: monthAgo } });
    const waiting = await upload(agent.actor, "never-sent.pdf", PDF);
    await t.db.ticketAttachment.update({ where: { id: waiting.id }, data: { createdAt: new Date(Date.now() - 25 * 3_600_000) } });
    const fresh = await upload(agent.actor, "fresh.pdf", PDF);

    const result = await pruneAttachments({ db: t.db, storageRoot: root, retentionDays: 30 });
    expect(result).toEqual({ expired: 1, abandoned: 1 });
    expect((await t.db.ticketAttachment.findUniqueOrThrow({ where: { id: sent.id } })).removedAt).not.toBeNull();
    expect(await t.db.ticketAttachment.findUnique({ where: { id: waiting.id } })).toBeNull();
    expect(await t.db.ticketAttachment.findUnique({ where: { id: fresh.id } })).not.toBeNull();
    expect((await t.db.ticketAttachment.findUniqueOrThrow({ where: { id: late.id } })).removedAt).toBeNull();
    const stored = await t.db.ticketAttachment.findMany({ where: { removedAt: null }, select: { storagePath: true } });
    expect(storedFiles().sort()).toEqual(stored.map((s) => path.basename(s.storagePath)).sort());
    expect(await pruneAttachments({ db: t.db, storageRoot: root, retentionDays: 30 })).toEqual({ expired: 0, abandoned: 0 });
  });
});
