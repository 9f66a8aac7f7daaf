import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import pl from "@/messages/pl.json";
import { durationParts, firstResponseTimer, formatDuration, mayBeFirstResponse, resolutionTimer } from "@/lib/tickets/ticket-timers";

const filed = new Date("2026-11-25T08:00:00Z");
const later = (minutes: number) => new Date(filed.getTime() + minutes * 60_000);
const now = later(600);

describe("firstResponseTimer", () => {
  it("stops at support's first response", () => {
    expect(firstResponseTimer({ createdAt: filed, firstResponseAt: later(135), closedAt: null }, now)).toEqual({ state: "stopped", ms: 135 * 60_000, at: later(135) });
  });
  it("runs while support has not answered an open ticket", () => {
    expect(firstResponseTimer({ createdAt: filed, firstResponseAt: null, closedAt: null }, now)).toEqual({ state: "running", ms: 600 * 60_000 });
  });
  it("never stops for a ticket that closed before support answered", () => {
    expect(firstResponseTimer({ createdAt: filed, firstResponseAt: null, closedAt: later(60) }, now)).toEqual({ state: "none" });
  });
  it("keeps the response time after the ticket closes", () => {
    expect(firstResponseTimer({ createdAt: filed, firstResponseAt: later(30), closedAt: later(90) }, now)).toMatchObject({ state: "stopped", ms: 30 * 60_000 });
  });
});

describe("resolutionTimer", () => {
  it("stops when the ticket reaches its outcome", () => {
    expect(resolutionTimer({ createdAt: filed, firstResponseAt: later(30), closedAt: later(3 * 24 * 60 + 240) }, now)).toEqual({
      state: "stopped",
      ms: (3 * 24 * 60 + 240) * 60_000,
      at: later(3 * 24 * 60 + 240),
    });
  });
  it("runs while the ticket is open", () => {
    expect(resolutionTimer({ createdAt: filed, firstResponseAt: later(30), closedAt: null }, now)).toEqual({ state: "running", ms: 600 * 60_000 });
  });
  it("never counts backwards when clocks disagree", () => {
    expect(resolutionTimer({ createdAt: filed, firstResponseAt: null, closedAt: null }, later(-5))).toEqual({ state: "running", ms: 0 });
  });
});

describe("mayBeFirstResponse", () => {
  it("is a public reply or question by a person", () => {
    expect(mayBeFirstResponse({ kind: "REPLY", internal: false, actorId: "a" })).toBe(true);
    expect(mayBeFirstResponse({ kind: "INFO_REQUESTED", internal: false, actorId: "a" })).toBe(true);
  });
  it("is not an internal note, a status change, an assignment or the restore runner", () => {
    expect(mayBeFirstResponse({ kind: "INTERNAL_NOTE", internal: true, actorId: "a" })).toBe(false);
    expect(mayBeFirstResponse({ kind: "REPLY", internal: true, actorId: "a" })).toBe(false);
    expect(mayBeFirstResponse({ kind: "STATUS_CHANGED", internal: false, actorId: "a" })).toBe(false);
    expect(mayBeFirstResponse({ kind: "ASSIGNED", internal: true, actorId: "a" })).toBe(false);
    expect(mayBeFirstResponse({ kind: "REPLY", internal: false, actorId: null })).toBe(false);
  });
});

describe("durationParts", () => {
  const minutes = (n: number) => n * 60_000;
  it("under a minute", () => {
    expect(durationParts(0)).toEqual({ unit: "underMinute" });
    expect(durationParts(59_999)).toEqual({ unit: "underMinute" });
  });
  it("minutes under an hour, rounded down", () => {
    expect(durationParts(minutes(1))).toEqual({ unit: "minutes", minutes: 1 });
    expect(durationParts(minutes(59) + 59_999)).toEqual({ unit: "minutes", minutes: 59 });
  });
  it("hours and minutes under a day", () => {
    expect(durationParts(minutes(60))).toEqual({ unit: "hours", hours: 1, minutes: 0 });
    expect(durationParts(minutes(135))).toEqual({ unit: "hours", hours: 2, minutes: 15 });
    expect(durationParts(minutes(24 * 60 - 1))).toEqual({ unit: "hours", hours: 23, minutes: 59 });
  });
  it("days and hours from a day on", () => {
    expect(durationParts(minutes(24 * 60))).toEqual({ unit: "days", days: 1, hours: 0 });
    expect(durationParts(minutes(3 * 24 * 60 + 4 * 60 + 59))).toEqual({ unit: "days", days: 3, hours: 4 });
    expect(durationParts(minutes(40 * 24 * 60))).toEqual({ unit: "days", days: 40, hours: 0 });
  });
});

describe("formatDuration, with the app's messages", () => {
  const minutes = (n: number) => n * 60_000;
  const english = createTranslator({ locale: "en", messages: en, namespace: "timers.duration" });
  const polish = createTranslator({ locale: "pl", messages: pl, namespace: "timers.duration" });
  it("in English", () => {
    expect([30_000, minutes(42), minutes(120), minutes(135), minutes(24 * 60), minutes(3 * 24 * 60 + 4 * 60)].map((ms) => formatDuration(ms, english))).toEqual([
      "< 1 min",
      "42 min",
      "2 h",
      "2 h 15 min",
      "1 d",
      "3 d 4 h",
    ]);
  });
  it("in Polish, with the day's plural forms", () => {
    expect([minutes(42), minutes(135), minutes(24 * 60 + 60), minutes(3 * 24 * 60 + 4 * 60), minutes(5 * 24 * 60)].map((ms) => formatDuration(ms, polish))).toEqual([
      "42 min",
      "2 godz. 15 min",
      "1 dzień 1 godz.",
      "3 dni 4 godz.",
      "5 dni",
    ]);
  });
});
