import { describe, expect, it } from "vitest";
import { NotificationKind } from "@/lib/generated/prisma/enums";
import { deliverableAddress, headerSafe } from "@/lib/notifications/email-address";
import { renderEmail, type EmailAudience } from "@/lib/notifications/email-template";
import type { NotificationData } from "@/lib/notifications/notification-text";
import { notificationTranslator } from "@/lib/notifications/translator";

const KINDS = Object.values(NotificationKind);
const BASE = "https://desk.example.com/";
const data: NotificationData = {
  ticket: 42,
  method: "CSV",
  account: "Acme Sp. z o.o.",
  date: "2026-11-20",
  actor: "Alicja Kowalska",
  expires: "2026-11-26T09:30:00.000Z",
};

/** Loss alerts are about the account, not a ticket: their data has no ticket. */
const LOSS_KINDS: NotificationKind[] = ["LOSS_DETECTED", "LOSS_REMINDER"];
const lossData: NotificationData = {
  account: "Acme Sp. z o.o.",
  loss: {
    alertId: "5d7a3f2e-1b1c-4c55-9f8e-2a0c4f7d9b10",
    type: "contact",
    kind: "DELETED",
    count: 312,
    percent: 14,
    from: "2026-11-27T01:00:00.000Z",
    to: "2026-11-28T01:00:00.000Z",
    expires: "2026-12-04T01:00:00.000Z",
    timeZone: "Europe/Warsaw",
  },
};

function render(kind: NotificationKind, locale: string, audience: EmailAudience, overrides: Partial<NotificationData> = {}, name = "Adam Nowak") {
  const { t, locale: chosen } = notificationTranslator(locale);
  return renderEmail({ kind, data: { ...data, ...overrides }, locale: chosen, t, recipient: { name, audience }, baseUrl: BASE });
}

function renderLoss(kind: NotificationKind, locale: string, loss: Partial<NonNullable<NotificationData["loss"]>> = {}) {
  const { t, locale: chosen } = notificationTranslator(locale);
  return renderEmail({ kind, data: { ...lossData, loss: { ...lossData.loss!, ...loss } }, locale: chosen, t, recipient: { name: "Adam Nowak", audience: "customer" }, baseUrl: BASE });
}

describe("loss alerts: counts and times in the admin's language, a button to the filled-in request", () => {
  it("English", () => {
    const email = renderLoss("LOSS_DETECTED", "en");
    expect(email.subject).toBe("[Restore Desk] Large change in your CRM: Contacts");
    expect(email.text).toContain("312 contacts (14%) were deleted between Fri, Nov 27, 02:00 AM and Sat, Nov 28, 02:00 AM. The backup from Nov 27 is kept until Fri, Dec 4, 02:00 AM.");
    expect(email.text).toContain("Review and restore: https://desk.example.com/recovery/new?lossAlert=5d7a3f2e-1b1c-4c55-9f8e-2a0c4f7d9b10");
    expect(email.text).toContain("you are the account admin of Acme Sp. z o.o.");
  });

  it("Polish, with the plural the count needs", () => {
    expect(renderLoss("LOSS_DETECTED", "pl").text).toContain("Usunięto 312 kontaktów (14%) między pt., 27 lis, 02:00 a sob., 28 lis, 02:00.");
    expect(renderLoss("LOSS_DETECTED", "pl", { count: 3 }).text).toContain("Usunięto 3 kontakty");
    expect(renderLoss("LOSS_DETECTED", "pl", { type: "company", count: 1 }).text).toContain("Usunięto 1 firmę");
    expect(renderLoss("LOSS_REMINDER", "pl").subject).toBe("[Restore Desk] Ostatnie dni na przywrócenie: Kontakty");
  });

  it("a mass edit names the field and the value", () => {
    const email = renderLoss("LOSS_DETECTED", "en", { kind: "MASS_EDIT", field: "position", value: "Former employee", count: 400, percent: 18 });
    expect(email.text).toContain("The field “position” was set to “Former employee” on many records at once — Contacts: 400 (18%)");
    // A custom field by its code; a cleared field is said to be empty.
    expect(renderLoss("LOSS_DETECTED", "pl", { kind: "MASS_EDIT", field: "customFields.UF_REGION", value: "", count: 400, percent: 18 }).text).toContain("Pole „UF_REGION” ustawiono na „(puste)”");
  });
});

describe("every kind renders in both languages", () => {
  for (const locale of ["en", "pl"]) {
    for (const kind of KINDS) {
      it(`${kind} (${locale})`, () => {
        const email = LOSS_KINDS.includes(kind) ? renderLoss(kind, locale) : render(kind, locale, "customer");
        for (const part of [email.subject, email.text, email.html]) {
          expect(part).not.toMatch(/notifications\.|\{\w+\}/); // no missing message, no {param} left unfilled
        }
        expect(email.subject).toMatch(/^\[Restore Desk\] /);
        if (kind !== "ACCOUNT_RESTORE_STARTED" && kind !== "ACCOUNT_RESTORE_FINISHED" && !LOSS_KINDS.includes(kind)) expect(email.subject).toContain("RR-000042");
        expect(email.text).toContain(locale === "pl" ? "Dzień dobry, Adam Nowak," : "Hello Adam Nowak,");
        expect(email.text).toContain("https://desk.example.com/settings/notifications");
        expect(email.html).toContain('href="https://desk.example.com/settings/notifications"');
      });
    }
  }

  it("the two languages really differ", () => {
    expect(render("INFO_REQUESTED", "pl", "customer").subject).toBe("[Restore Desk] RR-000042: wsparcie potrzebuje więcej informacji");
    expect(render("INFO_REQUESTED", "en", "customer").subject).toBe("[Restore Desk] RR-000042: support needs more information");
    expect(render("INFO_REQUESTED", "de", "customer").subject, "an unknown language falls back to English").toContain("support needs more information");
    expect(render("TICKET_APPROVED", "en", "customer").text).toContain("(restore as a CSV file to Nov 20, 2026)");
    expect(render("TICKET_APPROVED", "pl", "customer").text).toContain("(przywrócenie w pliku CSV na dzień 20 lis 2026)");
  });
});

describe("links back", () => {
  it("a customer's link opens the request page, staff's the support ticket page", () => {
    expect(render("TICKET_APPROVED", "en", "customer").text).toContain("Open RR-000042: https://desk.example.com/recovery/RR-000042");
    expect(render("TICKET_FILED", "en", "staff").text).toContain("Open RR-000042: https://desk.example.com/support/tickets/RR-000042");
    expect(render("TICKET_FILED", "en", "staff").html).toContain('href="https://desk.example.com/support/tickets/RR-000042"');
  });

  it("an account-wide notice leads a member to the account's page, not to a ticket they cannot open", () => {
    const email = render("ACCOUNT_RESTORE_STARTED", "en", "customer", { method: "FULL" });
    expect(email.text).toContain("Open Restore Desk: https://desk.example.com/recovery\n");
    expect(email.text).not.toContain("/recovery/RR-");
  });

  it("a completed CSV restore links to its file and says how many items; a full restore gives its figures instead", () => {
    const csv = render("RESTORE_COMPLETED", "en", "customer", { rows: 1234 });
    expect(csv.text).toContain("Download the CSV file: https://desk.example.com/api/tickets/RR-000042/csv");
    expect(csv.text).toContain("1,234 items");
    expect(csv.html).toContain('href="https://desk.example.com/api/tickets/RR-000042/csv"');
    const full = render("RESTORE_COMPLETED", "pl", "customer", { method: "FULL", written: 5, removed: 1 });
    expect(full.text).not.toContain("/csv");
    expect(full.text).toContain("Z kopii zapisano 5 elementów, usunięto lub zastąpiono 1 element");
  });

  it("a full restore's start warns that the account is read-only", () => {
    expect(render("RESTORE_STARTED", "en", "customer", { method: "FULL" }).text).toContain("read-only for everyone");
    expect(render("RESTORE_STARTED", "en", "customer", { method: "CSV" }).text).not.toContain("read-only");
  });
});

describe("hostile input", () => {
  it("a name or account with CR/LF cannot add a header; HTML is escaped", () => {
    const email = render("TICKET_FILED", "en", "staff", { account: "Evil\r\nBcc: victim@example.com <script>x</script>" }, "Eve\r\nBcc: attacker@example.com");
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.subject).toContain("Evil Bcc: victim@example.com");
    expect(email.text).toContain("Hello Eve Bcc: attacker@example.com,");
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;x&lt;/script&gt;");
  });

  it("a 1 MB reply is quoted in part, with a pointer to the rest", () => {
    const reply = "Line of a very long reply.\n".repeat(40_000); // ~1 MB
    const email = render("REQUESTER_REPLIED", "en", "staff", { quote: { heading: "replyHeading", text: reply } });
    expect(email.text.length).toBeLessThan(6_000);
    expect(email.html.length).toBeLessThan(8_000);
    expect(email.text).toContain("> Line of a very long reply.");
    expect(email.text).toContain("The message is longer; read all of it on the request page.");
  });

  it("a quote never ends in half a surrogate pair", () => {
    const email = render("SUPPORT_REPLIED", "en", "customer", { quote: { heading: "replyHeading", text: "😀".repeat(1_500) } });
    expect(email.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe("addresses and header values", () => {
  it.each(["adam@acme.example.com", "a.b+tag@example.pl", "o'brien@example.ie"])("accepts %s", (address) => {
    expect(deliverableAddress(` ${address} `)).toBe(address);
  });
  it.each([
    ["empty", ""],
    ["missing", null],
    ["no domain", "adam@"],
    ["no dot in the host", "adam@localhost"],
    ["two addresses", "a@example.com, b@example.com"],
    ["a display name", "Adam <adam@example.com>"],
    ["a header injection", "adam@example.com\r\nBcc: evil@example.com"],
    ["a space", "adam nowak@example.com"],
    ["two @", "a@b@example.com"],
    ["too long", `${"a".repeat(65)}@example.com`],
  ])("refuses %s", (_, address) => {
    expect(deliverableAddress(address)).toBeNull();
  });
  it("header values lose line breaks and are bounded", () => {
    expect(headerSafe("a\r\nb\u0000c\u2028d")).toBe("a b c d");
    expect(headerSafe("x".repeat(500), 50)).toHaveLength(50);
  });
});
