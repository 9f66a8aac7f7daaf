/** A history entry in a preview example: what happened to which field, from what to what. */
export type HistoryExample = { action: string; field: string | null; old: string | null; new: string | null };

/** The structured label the preview query writes for history rows; null for anything else. */
export function parseHistoryExample(label: string): HistoryExample | null {
  try {
    const value: unknown = JSON.parse(label);
    if (!value || typeof value !== "object" || typeof (value as { action?: unknown }).action !== "string") return null;
    const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);
    const entry = value as Record<string, unknown>;
    return { action: entry.action as string, field: text(entry.field), old: text(entry.old), new: text(entry.new) };
  } catch {
    return null;
  }
}
