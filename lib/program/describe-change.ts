import { formatTime } from "./format-time";

/** What a recorded change to a session says, whoever reads it. */
export type DescribableChange = {
  kind: "MOVED" | "ROOM_CHANGED" | "CANCELLED" | "RESTORED" | "CREATED";
  fromStart: Date | null;
  toStart: Date | null;
  fromRoom: string | null;
  toRoom: string | null;
};

/**
 * One sentence for a change to a session, in the conference's zone:
 * "“Kafka Streams at Scale” moved from 10:30 to 14:00, Room B." The agenda's
 * notices and the import preview (CLI and upload page) both use it.
 */
export function describeChange(title: string, change: DescribableChange, zone: string): string {
  const quoted = `“${title}”`;
  switch (change.kind) {
    case "CANCELLED":
      return `${quoted} was cancelled.`;
    case "RESTORED":
      return `${quoted} is back in the program.`;
    case "CREATED":
      return `${quoted} is new in the program.`;
    case "ROOM_CHANGED":
      return `${quoted} moved to ${change.toRoom ?? "another room"}.`;
    case "MOVED": {
      const from = change.fromStart ? formatTime(change.fromStart, zone) : "?";
      const to = change.toStart ? formatTime(change.toStart, zone) : "?";
      const room = change.toRoom && change.toRoom !== change.fromRoom ? `, ${change.toRoom}` : "";
      return `${quoted} moved from ${from} to ${to}${room}.`;
    }
  }
}
