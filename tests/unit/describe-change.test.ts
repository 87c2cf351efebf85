import { describe, expect, it } from "vitest";
import { describeChange } from "@/lib/program/describe-change";

const zone = "America/New_York";
const base = { fromStart: null, toStart: null, fromRoom: null, toRoom: null };

describe("describeChange", () => {
  it("says where and when a session moved, in the conference's zone", () => {
    const moved = { ...base, kind: "MOVED" as const, fromStart: new Date("2019-04-02T14:30:00Z"), toStart: new Date("2019-04-02T18:00:00Z"), fromRoom: "Room A", toRoom: "Room B" };
    expect(describeChange("Kafka Streams at Scale", moved, zone)).toBe("“Kafka Streams at Scale” moved from 10:30 to 14:00, Room B.");
    expect(describeChange("X", { ...moved, toRoom: "Room A" }, zone)).toBe("“X” moved from 10:30 to 14:00.");
    expect(describeChange("X", { ...base, kind: "ROOM_CHANGED", toRoom: "Room C" }, zone)).toBe("“X” moved to Room C.");
    expect(describeChange("X", { ...base, kind: "CANCELLED" }, zone)).toBe("“X” was cancelled.");
    expect(describeChange("X", { ...base, kind: "RESTORED" }, zone)).toBe("“X” is back in the program.");
  });
});
