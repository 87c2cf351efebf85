import { buildAgendaIcs, type CalendarSession } from "@/lib/calendar/build-agenda-ics";

/**
 * A calendar feed of `count` synthetic starred sessions, for the feed
 * benchmark. Everything is derived from the index (no randomness, fixed
 * clock), so every run builds the same bytes and timings stay comparable.
 * The text mixes multi-byte characters and characters that need escaping so
 * the escaping and octet folding are part of what is measured.
 */

const DAY_ONE_MS = Date.UTC(2025, 5, 2, 8, 0);
const MINUTE_MS = 60_000;
const SLOTS_PER_DAY = 16;
const ROOMS = ["Hall A", "Hall B", "Salle Curie", "Room 101; upstairs", "Studio ☕"];
const TRACKS = ["Web, Mobile", "Ops", "Data & ML", "Sécurité", null];
const PEOPLE = ["Ada Lovelace", "Grace Hopper", "Édith Piaf", "Alan Turing", "Zoë Müller", "李小龍"];
const ORGANIZATIONS = ["Analytical Engines", "US Navy", null, "Bletchley Park", "Café Crème GmbH"];

const ABSTRACT =
  "How teams ship calendars that survive time zones, daylight saving and late room changes — " +
  "with lessons learnt; caveats, and a few 🎉 moments. Ça marche, même avec des accents.\n" +
  "Second paragraph: bring questions about RFC 5545, folding, escaping (\\, ; ,) and UIDs.";

function syntheticSession(index: number): CalendarSession {
  const day = Math.floor(index / SLOTS_PER_DAY);
  const slot = index % SLOTS_PER_DAY;
  const start = DAY_ONE_MS + day * 24 * 60 * MINUTE_MS + slot * 45 * MINUTE_MS;
  const speakerCount = index % 3;
  const speakers = Array.from({ length: speakerCount }, (_, offset) => ({
    name: PEOPLE[(index + offset) % PEOPLE.length] ?? "Speaker",
    organization: ORGANIZATIONS[(index + offset) % ORGANIZATIONS.length] ?? null,
  }));
  return {
    id: `bench-${index}`,
    externalId: `session-${index}`,
    conferenceSlug: "benchconf-2025",
    conferenceTitle: "BenchConf 2025",
    title: `Session ${index}: calendars, feeds & time — part ${(index % 4) + 1}`,
    abstract: ABSTRACT,
    start: new Date(start),
    end: new Date(start + 40 * MINUTE_MS),
    room: ROOMS[index % ROOMS.length] ?? null,
    track: TRACKS[index % TRACKS.length] ?? null,
    speakers,
    status: index % 25 === 24 ? "CANCELLED" : "SCHEDULED",
    sequence: index % 5,
    updatedAt: new Date(DAY_ONE_MS - (index % 30) * 60 * MINUTE_MS),
    url: `https://planner.example.com/c/benchconf-2025/s/session-${index}`,
    note: index % 2 === 0 ? `Note ${index}: sit near the front; ask about folding.` : null,
  };
}

export function buildBenchCalendar(count: number): string {
  const sessions = Array.from({ length: Math.max(0, Math.floor(count)) }, (_, index) => syntheticSession(index));
  return buildAgendaIcs(sessions, {
    calendarName: "BenchConf 2025 — starred",
    host: "planner.example.com",
    alarmMinutes: 10,
    includeNotes: true,
    now: new Date(DAY_ONE_MS - 7 * 24 * 60 * MINUTE_MS),
  });
}
