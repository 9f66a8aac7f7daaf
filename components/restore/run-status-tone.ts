import type { RunView } from "@/lib/restore/run-view-model";

/** How a run's status is coloured wherever it is shown. */
export function runStatusTone(status: RunView["status"]): "success" | "danger" | "info" {
  return status === "SUCCEEDED" ? "success" : status === "FAILED" ? "danger" : "info";
}
