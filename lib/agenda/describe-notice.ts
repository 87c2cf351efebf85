import { formatTime } from "@/lib/program/format-time";
import type { ChangeNotice } from "./get-agenda";

/** "“Kafka Streams at Scale” moved from 10:30 to 14:00, Room B". */
export function describeNotice(notice: ChangeNotice, zone: string): string {
  const title = `“${notice.title}”`;
  switch (notice.kind) {
    case "CANCELLED":
      return `${title} was cancelled.`;
    case "RESTORED":
      return `${title} is back in the program.`;
    case "ROOM_CHANGED":
      return `${title} moved to ${notice.toRoom ?? "another room"}.`;
    default: {
      const from = notice.fromStart ? formatTime(notice.fromStart, zone) : "?";
      const to = notice.toStart ? formatTime(notice.toStart, zone) : "?";
      const room = notice.toRoom && notice.toRoom !== notice.fromRoom ? `, ${notice.toRoom}` : "";
      return `${title} moved from ${from} to ${to}${room}.`;
    }
  }
}
