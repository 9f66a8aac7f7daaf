import { describe, expect, it } from "vitest";
import { parseTicketQueueParams, queueHref, sortDirection } from "@/lib/tickets/ticket-queue-params";

describe("the queue's URL state", () => {
  it("defaults: first page of 25, most urgent first, every ticket", () => {
    expect(parseTicketQueueParams({})).toEqual({ view: "open", page: 1, perPage: 25, sort: "urgency", dir: undefined, status: [], method: undefined, assignee: "any", q: undefined });
  });
  it("reads every filter", () => {
    const params = parseTicketQueueParams({ page: "3", perPage: "50", sort: "createdAt", dir: "asc", status: "SUBMITTED,NEEDS_INFO", method: "FULL", assignee: "mine", q: " acme " });
    expect(params).toEqual({ view: "open", page: 3, perPage: 50, sort: "createdAt", dir: "asc", status: ["SUBMITTED", "NEEDS_INFO"], method: "FULL", assignee: "mine", q: "acme" });
  });
  it("ignores unknown or hostile values instead of failing", () => {
    const params = parseTicketQueueParams({
      page: "-4",
      perPage: "100000",
      sort: '"id"; DROP TABLE restore_ticket; --',
      dir: "sideways",
      status: ["SUBMITTED", "HACKED"],
      method: "PARTIAL",
      assignee: "everyone",
      q: "x".repeat(500),
    });
    expect(params).toEqual({ view: "open", page: 1, perPage: 25, sort: "urgency", dir: undefined, status: ["SUBMITTED"], method: undefined, assignee: "any", q: undefined });
  });
  it("writes only what differs from the defaults, and round-trips", () => {
    const params = parseTicketQueueParams({ status: "APPROVED", assignee: "unassigned", page: "2" });
    const href = queueHref(params);
    expect(href).toBe("/support/tickets?status=APPROVED&assignee=unassigned&page=2");
    const back = parseTicketQueueParams(Object.fromEntries(new URL(href, "http://x").searchParams));
    expect(back).toEqual(params);
    expect(queueHref(parseTicketQueueParams({}))).toBe("/support/tickets");
  });
  it("sorts in each column's natural direction unless told", () => {
    expect(sortDirection({ sort: "urgency" })).toBe("asc");
    expect(sortDirection({ sort: "createdAt" })).toBe("desc");
    expect(sortDirection({ sort: "createdAt", dir: "asc" })).toBe("asc");
  });
  it("sorts by the timers, the longest first unless told", () => {
    expect(parseTicketQueueParams({ sort: "firstResponse" }).sort).toBe("firstResponse");
    expect(parseTicketQueueParams({ sort: "resolution", dir: "asc" })).toMatchObject({ sort: "resolution", dir: "asc" });
    expect(sortDirection({ sort: "firstResponse" })).toBe("desc");
    expect(queueHref(parseTicketQueueParams({ sort: "resolution" }))).toBe("/support/tickets?sort=resolution");
  });
});

describe("saved views in the URL", () => {
  it("Open is the default and stays out of the URL; another view is kept, a made-up one falls back to Open", () => {
    expect(parseTicketQueueParams({}).view).toBe("open");
    expect(parseTicketQueueParams({ view: "waitingForLead" }).view).toBe("waitingForLead");
    expect(parseTicketQueueParams({ view: "everything" }).view).toBe("open");
    expect(queueHref(parseTicketQueueParams({}))).toBe("/support/tickets");
    expect(queueHref(parseTicketQueueParams({ view: "mine", status: "APPROVED" }))).toBe("/support/tickets?view=mine&status=APPROVED");
  });
});
