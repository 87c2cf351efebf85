import { describe, expect, it } from "vitest";
import { buildAgendaIcs, type CalendarOptions, type CalendarSession } from "@/lib/calendar/build-agenda-ics";
import { buildAgendaIcsMemo } from "@/lib/calendar/memo-agenda-ics";

const session: CalendarSession = {
  id: "s1", externalId: "e1", conferenceSlug: "conf", conferenceTitle: "Conf", title: "Talk", abstract: "About it",
  start: new Date("2019-04-02T14:00:00Z"), end: new Date("2019-04-02T14:40:00Z"), room: "Hall A", track: null,
  speakers: [], status: "SCHEDULED", sequence: 0, updatedAt: new Date("2019-03-01T00:00:00Z"),
  url: "https://planner.test/conferences/conf/sessions/s1", note: null,
};
const options: CalendarOptions = { calendarName: "Conf", host: "planner.test", alarmMinutes: null, includeNotes: false, now: new Date("2019-03-01T00:00:00Z") };

describe("the feed's memo", () => {
  it("returns exactly what the builder returns, and follows every change of input", () => {
    expect(buildAgendaIcsMemo([session], options)).toBe(buildAgendaIcs([session], options));
    expect(buildAgendaIcsMemo([session], options)).toBe(buildAgendaIcs([session], options));
    const moved = { ...session, start: new Date("2019-04-02T15:00:00Z"), end: new Date("2019-04-02T15:40:00Z"), sequence: 1 };
    const after = buildAgendaIcsMemo([moved], options);
    expect(after).toBe(buildAgendaIcs([moved], options));
    expect(after).toContain("SEQUENCE:1");
    expect(buildAgendaIcsMemo([session], { ...options, alarmMinutes: 15 })).toContain("TRIGGER:-PT15M");
  });
});
