import { formatTime } from "./format-time";
import type { ImportPlan } from "./plan-import";

/**
 * Human lines for what an import changes, e.g.
 * `moved: "Kafka Streams at Scale" 10:30 → 14:00, Room B`. Used by the CLI and
 * the upload preview.
 */
export function describePlan(plan: ImportPlan, zone: string): string[] {
  return plan.sessions.flatMap((item) => {
    if (item.action === "cancel") return [`cancelled: "${item.title}"`];
    if (item.action !== "update") return [];
    const change = item.change;
    if (change?.kind === "MOVED" && change.fromStart && change.toStart) {
      const room = change.fromRoom !== change.toRoom && change.toRoom ? `, ${change.toRoom}` : "";
      return [`moved: "${item.title}" ${formatTime(change.fromStart, zone)} → ${formatTime(change.toStart, zone)}${room}`];
    }
    if (change?.kind === "ROOM_CHANGED") return [`room changed: "${item.title}" ${change.fromRoom ?? "—"} → ${change.toRoom ?? "—"}`];
    if (change?.kind === "RESTORED") return [`back in the program: "${item.title}"`];
    return [`updated ${item.fields.join(", ")}: "${item.title}"`];
  });
}
