import { describe, expect, it } from "vitest";
import { decideUndo, undoDeadline, type UndoFacts } from "@/lib/restore/undo-rules";

const finishedAt = new Date("2026-11-20T10:00:00.000Z");
const base: UndoFacts = {
  actorIsSupport: true,
  run: { kind: "FULL_RESTORE", status: "SUCCEEDED", finishedAt, safetySnapshotExists: true },
  alreadyUndone: false,
  newerRestoreOnAccount: false,
  runningOnAccount: false,
  now: new Date("2026-11-21T10:00:00.000Z"),
};

describe("undo of a full restore", () => {
  it("is allowed within 48 hours, up to and including the last millisecond", () => {
    expect(decideUndo(base)).toEqual({ ok: true });
    expect(decideUndo({ ...base, now: undoDeadline(finishedAt) })).toEqual({ ok: true });
    expect(decideUndo({ ...base, now: new Date(undoDeadline(finishedAt).getTime() + 1) })).toEqual({ ok: false, code: "UNDO_WINDOW_PASSED" });
    expect(undoDeadline(finishedAt).toISOString()).toBe("2026-11-22T10:00:00.000Z");
  });

  it.each([
    [{ actorIsSupport: false }, "NOT_ALLOWED_FOR_ROLE"],
    [{ run: null }, "NOTHING_TO_UNDO"],
    [{ run: { ...base.run!, kind: "CSV_EXPORT" as const } }, "NOTHING_TO_UNDO"],
    [{ run: { ...base.run!, status: "FAILED" as const } }, "NOTHING_TO_UNDO"],
    [{ alreadyUndone: true }, "ALREADY_UNDONE"],
    [{ newerRestoreOnAccount: true }, "NEWER_RESTORE"],
    [{ runningOnAccount: true }, "RESTORE_ALREADY_RUNNING"],
    [{ run: { ...base.run!, safetySnapshotExists: false } }, "SNAPSHOT_GONE"],
  ])("refuses %j with %s", (change, code) => {
    expect(decideUndo({ ...base, ...change })).toEqual({ ok: false, code });
  });
});
