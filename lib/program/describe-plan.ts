import { describeChange } from "./describe-change";
import type { ImportPlan } from "./plan-import";

/**
 * Human lines for what an import changes: the same sentences attendees see
 * for moves, room changes, cancellations and returns, plus the other edits.
 * Used by the CLI and the upload preview.
 */
export function describePlan(plan: ImportPlan, zone: string): string[] {
  return plan.sessions.flatMap((item) => {
    if (item.action === "cancel") return [describeChange(item.title, item.change, zone)];
    if (item.action !== "update") return [];
    if (item.change) return [describeChange(item.title, item.change, zone)];
    return [`“${item.title}”: ${item.fields.join(", ")} updated.`];
  });
}
