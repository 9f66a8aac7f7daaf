import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { assertValidTemplate, fillTemplate, matchesSearch, readTemplate, type VariableValues } from "@/lib/canned-replies/canned-reply-template";
import { variableValues, type TicketFacts } from "@/lib/canned-replies/canned-reply-values";

const VALUES: VariableValues = {
  requesterName: "Alicja Nowak",
  ticketNumber: "RR-000042",
  restoreDate: "3 December 2026",
  backupExpiry: "9 December 2026 at 02:00 CET",
  csvLink: "https://desk.example/api/tickets/RR-000042/csv",
  agentName: "Sara Support",
};

function refusal(body: string) {
  try {
    assertValidTemplate(body);
  } catch (error) {
    if (error instanceof AppError) return { key: error.key, params: error.params, fields: error.fieldErrors };
    throw error;
  }
  return null;
}

describe("readTemplate", () => {
  it("lists each known variable once, in order of first use", () => {
    expect(readTemplate("Hi {{requesterName}}, {{ticketNumber}} … {{requesterName}} {{ restoreDate }}").used).toEqual(["requesterName", "ticketNumber", "restoreDate"]);
  });
  it("lists unknown variables as written, each once; names are case-sensitive", () => {
    const reading = readTemplate("{{customer}} {{RequesterName}} {{customer}} {{}} {{requester name}}");
    expect(reading.unknown).toEqual(["{{customer}}", "{{RequesterName}}", "{{}}", "{{requester name}}"]);
    expect(reading.used).toEqual([]);
  });
  it("plain text, single braces and a body without variables are fine", () => {
    expect(readTemplate("Send us {a} sample; JSON {\"x\": 1} is fine.")).toEqual({ used: [], unknown: [], unclosed: null });
  });
  it("finds a {{ that is never closed, or a }} never opened", () => {
    expect(readTemplate("Dear {{requesterName, thanks")).toMatchObject({ unclosed: "Dear {{requesterName, thanks" });
    expect(readTemplate("Ticket ticketNumber}} is ready").unclosed).toContain("ticketNumber}}");
    expect(readTemplate("{{ticketNumber}} {{").unclosed).toBe("{{");
  });
  it("triple braces read as one variable between single braces", () => {
    expect(readTemplate("{{{ticketNumber}}}")).toEqual({ used: ["ticketNumber"], unknown: [], unclosed: null });
  });
});

describe("assertValidTemplate", () => {
  it("accepts every variable", () => {
    expect(refusal("{{requesterName}} {{ticketNumber}} {{restoreDate}} {{backupExpiry}} {{csvLink}} {{agentName}}")).toBeNull();
  });
  it("refuses unknown variables, naming them, on the body field", () => {
    expect(refusal("Hello {{customerName}} and {{date}}")).toEqual({
      key: "CANNED_REPLY_UNKNOWN_VARIABLE",
      params: { names: "{{customerName}}, {{date}}", count: 2 },
      fields: { body: ["CANNED_REPLY_UNKNOWN_VARIABLE"] },
    });
  });
  it("refuses unclosed braces, quoting where", () => {
    expect(refusal("Hello {{requesterName")).toMatchObject({ key: "CANNED_REPLY_UNCLOSED_VARIABLE", params: { text: "Hello {{requesterName" } });
  });
});

describe("fillTemplate", () => {
  it("fills every occurrence, with or without spaces in the braces", () => {
    expect(fillTemplate("{{ticketNumber}}: {{ requesterName }}, {{ticketNumber}}", VALUES)).toEqual({ text: "RR-000042: Alicja Nowak, RR-000042", missing: [] });
  });
  it("an empty CSV link leaves nothing behind and is reported missing", () => {
    expect(fillTemplate("Download: {{csvLink}}\nBye {{agentName}}", { ...VALUES, csvLink: null })).toEqual({ text: "Download: \nBye Sara Support", missing: ["csvLink"] });
    expect(fillTemplate("{{csvLink}} {{csvLink}}", { ...VALUES, csvLink: "" }).missing).toEqual(["csvLink"]);
  });
  it("leaves unknown tokens and stray braces as they are", () => {
    expect(fillTemplate("{{nope}} {{ticketNumber", VALUES).text).toBe("{{nope}} {{ticketNumber");
  });
  it("a value that looks like a variable is not filled again", () => {
    expect(fillTemplate("{{requesterName}}", { ...VALUES, requesterName: "{{ticketNumber}}" }).text).toBe("{{ticketNumber}}");
  });
});

describe("variableValues", () => {
  const ticket: TicketFacts = {
    number: 42,
    requesterName: "Alicja Nowak",
    restoreDate: new Date("2026-12-03T00:00:00Z"),
    backupExpiresAt: new Date("2026-12-09T01:00:00Z"),
    timeZone: "Europe/Warsaw",
    csvUrl: null,
  };
  const now = new Date("2026-12-05T12:00:00Z");
  it("writes dates the reply's language's way; the restore date is a calendar day, the expiry in the account's clock", () => {
    const en = variableValues(ticket, { locale: "en", agentName: "Sara", now });
    const pl = variableValues(ticket, { locale: "pl", agentName: "Sara", now });
    expect(en).toMatchObject({ ticketNumber: "RR-000042", restoreDate: "December 3, 2026", csvLink: null, agentName: "Sara" });
    expect(pl.restoreDate).toBe("3 grudnia 2026");
    expect(en.backupExpiry).toMatch(/December 9, 2026.*02:00.*GMT\+1|December 9, 2026.*02:00.*CET/);
    expect(pl.backupExpiry).toMatch(/9 grudnia 2026.*02:00/);
  });
  it("no backup expiry once the backup is no longer held", () => {
    expect(variableValues({ ...ticket, backupExpiresAt: new Date("2026-12-05T11:00:00Z") }, { locale: "en", agentName: "Sara", now }).backupExpiry).toBeNull();
    expect(variableValues({ ...ticket, backupExpiresAt: null }, { locale: "en", agentName: "Sara", now }).backupExpiry).toBeNull();
  });
});

describe("matchesSearch", () => {
  it("every word, anywhere in the title or the text, any case", () => {
    expect(matchesSearch("csv IMPORT", "Your CSV is ready", "how to import it")).toBe(true);
    expect(matchesSearch("csv deletion", "Your CSV is ready", "how to import it")).toBe(false);
    expect(matchesSearch("  ", "anything")).toBe(true);
    expect(matchesSearch("usunięcia", "Potrzebujemy godziny USUNIĘCIA")).toBe(true);
  });
});
