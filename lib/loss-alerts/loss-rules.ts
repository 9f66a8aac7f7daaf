/**
 * When a change between two daily backups is a loss worth telling the
 * account admin about (issue 16). Pure: no database, no clock — the
 * thresholds' defaults live here and nowhere else.
 */
import { z } from "@/lib/zod";
import { ACCOUNT_TABLE_KEYS, type AccountTableKey } from "@/lib/account-data/tables";

export type LossThresholds = {
  /** Deleted (or mass-edited) share of a type, in percent… */
  sharePercent: number;
  /** …together with at least this many records. */
  minRecords: number;
  /** Or this many records, whatever the share. */
  anyRecords: number;
  /** Products: more than this share (only a full restore brought them back). */
  productSharePercent: number;
  /** Custom field definitions: any deletion is a loss. */
  customFieldAny: boolean;
  /**
   * Types with fewer records than this in the backup raise nothing — except
   * custom field definitions, which are few by nature (the demo has 14), so
   * "any custom field definition" would otherwise never apply.
   */
  minTypeSize: number;
};

export const DEFAULT_LOSS_THRESHOLDS: LossThresholds = {
  sharePercent: 10,
  minRecords: 20,
  anyRecords: 500,
  productSharePercent: 5,
  customFieldAny: true,
  minTypeSize: 20,
};

// An empty field is not zero: it is refused like any other text that is no number.
const number = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? Number.NaN : v), z.coerce.number({ error: "notANumber" }));
const percent = number.pipe(z.number().min(0, { error: "percentRange" }).max(100, { error: "percentRange" }));
const records = number.pipe(z.number().int({ error: "recordsWhole" }).min(0, { error: "recordsRange" }).max(10_000_000, { error: "recordsRange" }));
const flag = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/** Thresholds as support types them: message keys are "lossDetection.errors.*". */
export const ZLossThresholds = z.object({
  sharePercent: percent,
  minRecords: records,
  anyRecords: records,
  productSharePercent: percent,
  customFieldAny: flag,
  minTypeSize: records,
});

/** A stored setting as the rules read it; one that no longer parses (say, after a field was added) falls back to the defaults. */
export function readThresholds(stored: unknown): LossThresholds {
  const parsed = ZLossThresholds.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_LOSS_THRESHOLDS;
}

/** An account's override wins over its plan's, which wins over the defaults. */
export function effectiveThresholds(plan: unknown, account: unknown): LossThresholds {
  if (account != null) return readThresholds(account);
  if (plan != null) return readThresholds(plan);
  return DEFAULT_LOSS_THRESHOLDS;
}

/** What one daily snapshot saw of one type since the previous one. */
export type TypeChange = {
  /** Records of the type in the previous backup. */
  before: number;
  deleted: number;
  /** The largest group of records whose `field` was set to the same `value`. */
  topEdit: { field: string; value: string; count: number } | null;
};

export type DetectedLoss =
  | { tableKey: AccountTableKey; kind: "DELETED"; count: number; total: number }
  | { tableKey: AccountTableKey; kind: "MASS_EDIT"; count: number; total: number; field: string; value: string };

/** Whether `count` of `total` records is both the share and the minimum. */
export function passesShareRule(count: number, total: number, t: LossThresholds): boolean {
  if (count <= 0 || total <= 0) return false;
  return count * 100 >= t.sharePercent * total && count >= t.minRecords;
}

/** Whether `count` of `total` deleted records passes the general rule: share and minimum together, or the absolute number. */
export function passesGeneralRule(count: number, total: number, t: LossThresholds): boolean {
  return passesShareRule(count, total, t) || (count > 0 && count >= t.anyRecords);
}

function isDeletionLoss(key: AccountTableKey, count: number, total: number, t: LossThresholds): boolean {
  if (count <= 0) return false;
  // The things only a full restore brought back have their own, stricter rules.
  if (key === "customField" && t.customFieldAny) return true;
  if (key === "product" && count * 100 > t.productSharePercent * total) return true;
  return passesGeneralRule(count, total, t);
}

/**
 * The losses in one pair of daily snapshots. No previous snapshot (an
 * account's first) → nothing; a type smaller than `minTypeSize` → nothing.
 */
export function detectLosses(changes: Partial<Record<AccountTableKey, TypeChange>> | null, t: LossThresholds): DetectedLoss[] {
  if (!changes) return [];
  const losses: DetectedLoss[] = [];
  for (const tableKey of ACCOUNT_TABLE_KEYS) {
    const change = changes[tableKey];
    if (!change) continue;
    if (change.before < t.minTypeSize && !(tableKey === "customField" && t.customFieldAny)) continue;
    if (isDeletionLoss(tableKey, change.deleted, change.before, t)) {
      losses.push({ tableKey, kind: "DELETED", count: change.deleted, total: change.before });
    }
    // A mass edit by share only: in a large account, 500 tasks completed or
    // activities marked done in a day is ordinary work, not a loss.
    const edit = change.topEdit;
    if (edit && change.before >= t.minTypeSize && passesShareRule(edit.count, change.before, t)) {
      losses.push({ tableKey, kind: "MASS_EDIT", count: edit.count, total: change.before, field: edit.field, value: edit.value });
    }
  }
  return losses;
}

/** The share shown to people: whole percent, never "0 %" for a real loss. */
export function lossPercent(count: number, total: number): number {
  if (total <= 0) return 100;
  return Math.max(1, Math.round((count * 100) / total));
}

/** Asking which field was set to one value costs a little; below this many changed records the answer cannot be a loss. */
export const NO_EDIT_FLOOR = 2_147_483_647;

/** The fewest records with the same edit that could pass the thresholds for a type of `before` records. */
export function massEditFloor(before: number, t: LossThresholds): number {
  if (before < t.minTypeSize) return NO_EDIT_FLOOR;
  return Math.max(1, t.minRecords, Math.ceil((t.sharePercent * before) / 100));
}
