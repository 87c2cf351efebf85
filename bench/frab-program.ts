import { buildFrabXml, type FrabEvent } from "@/tests/support/build-frab-xml";

/**
 * A large, realistic frab schedule for the import and feed benchmarks: ten
 * rooms filled day after day with talks, lightning talks, panels and
 * workshops, a dozen tracks, speakers drawn from a shared pool (so the
 * importer has to reuse them) and multi-sentence abstracts with accents and
 * characters XML must escape. Seeded, so every run imports the same bytes.
 */

export type GeneratedProgram = { title: string; slug: string; xml: string; sessions: number; days: number; rooms: number };

const ROOMS = [
  "Main Hall",
  "Hall B",
  "Hall C",
  "Room 101",
  "Room 102",
  "Room 103",
  "Workshop Lab",
  "Salle Curie",
  "Studio",
  "Auditorium Ω",
];
const TRACKS = [
  "Streaming",
  "Databases",
  "Security",
  "Web & Mobile",
  "Ops & SRE",
  "Data Science",
  "Languages",
  "Community",
  "Hardware",
  "Privacy",
  "Cloud Native",
  "Keynotes",
];
const FIRST_NAMES = ["Ada", "Grace", "Alan", "Zoë", "Émile", "Noor", "Kenji", "Amara", "Lars", "Priya", "Mateo", "Ingrid", "Tariq", "Mei", "Olu", "Sofía", "Jonas", "Aiko", "Rafael", "Hana"];
const LAST_NAMES = ["Lovelace", "Hopper", "Turing", "Müller", "Durand", "Haddad", "Sato", "Okafor", "Nilsson", "Iyer", "García", "Berg", "Rahman", "Chen", "Adeyemi", "López", "Schmidt", "Tanaka", "Costa", "Novak", "O'Brien", "Kowalski", "Dubois", "Rossi", "Ivanova"];
const TOPICS = ["exactly-once delivery", "schema evolution", "zero-downtime migrations", "threat modelling", "offline-first apps", "SLOs that matter", "feature stores", "WebAssembly on the server", "open-source governance", "RISC-V boards", "differential privacy", "multi-region Kubernetes", "event sourcing", "query planners", "supply-chain security"];
const ANGLES = ["in production", "at scale", "for small teams", "the hard way", "without a rewrite", "on a budget", "10 years later", "from first principles"];
const SENTENCES = [
  "We look at what broke when traffic grew tenfold & what we changed first.",
  "Attendees leave with a checklist they can apply on Monday morning.",
  "The talk compares three approaches <with numbers> rather than opinions.",
  "Ça commence par une panne réelle et finit par une architecture plus simple.",
  "Expect live demos, a few failures on stage and honest trade-offs.",
  "We cover the tooling, the team habits and the dashboards that made it stick.",
  "No prior knowledge is needed beyond basic familiarity with the command line.",
  "Along the way we debunk two popular myths about consistency and latency.",
  "The second half is a hands-on walkthrough of the open-source reference code.",
  "Bring your questions: the last ten minutes are reserved for them.",
  "It draws on incident reviews from teams in Berlin, São Paulo and Tōkyō.",
  "We explain why the obvious fix made things worse, and what worked instead.",
];

type Kind = { type: string; minutes: readonly number[]; weight: number };
const KINDS: readonly Kind[] = [
  { type: "talk", minutes: [20, 25, 30, 40], weight: 60 },
  { type: "lightning", minutes: [5, 10], weight: 25 },
  { type: "panel", minutes: [45], weight: 10 },
  { type: "workshop", minutes: [60, 90], weight: 5 },
];

const DAY_START_MIN = 8 * 60 + 30;
const DAY_END_MIN = 22 * 60 + 30;
const CHANGEOVER_MIN = 5;
const FIRST_DAY_UTC_MS = Date.UTC(2026, 2, 9);

/** xorshift32: tiny, seeded, good enough to vary synthetic data. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4_294_967_296;
  };
}

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

function pickKind(random: () => number): Kind {
  const total = KINDS.reduce((sum, kind) => sum + kind.weight, 0);
  let roll = random() * total;
  for (const kind of KINDS) {
    roll -= kind.weight;
    if (roll < 0) return kind;
  }
  return pick(KINDS, random);
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

function abstractOf(random: () => number): string {
  const count = 3 + Math.floor(random() * 4);
  const sentences = Array.from({ length: count }, () => pick(SENTENCES, random));
  // A paragraph break in about half of them, as real abstracts have.
  if (random() < 0.5) sentences.splice(2, 0, "\n\n");
  return sentences.join(" ").replace(/ \n\n /g, "\n\n");
}

function personsOf(type: string, random: () => number): string[] {
  const count = type === "panel" ? 3 + Math.floor(random() * 2) : 1 + Math.floor(random() * random() * 3);
  // Distinct names: the same person twice on one event is not a real schedule.
  const names = new Set<string>();
  while (names.size < count) names.add(`${pick(FIRST_NAMES, random)} ${pick(LAST_NAMES, random)}`);
  return [...names];
}

/** Fills each room's day in turn until `sessionCount` events exist. */
export function generateFrabProgram(options: { sessionCount: number; title: string; slug: string; seed: number }): GeneratedProgram {
  const random = seededRandom(options.seed);
  const events: FrabEvent[] = [];
  let day = 0;
  while (events.length < options.sessionCount) {
    const date = new Date(FIRST_DAY_UTC_MS + day * 86_400_000).toISOString().slice(0, 10);
    for (const room of ROOMS) {
      let at = DAY_START_MIN;
      while (events.length < options.sessionCount) {
        const kind = pickKind(random);
        const minutes = pick(kind.minutes, random);
        if (at + minutes > DAY_END_MIN) break;
        const index = events.length;
        events.push({
          guid: `b3c0ffee-0000-4000-8000-${index.toString(16).padStart(12, "0")}`,
          date,
          start: hhmm(at),
          duration: hhmm(minutes),
          room,
          title: `${pick(TOPICS, random)} ${pick(ANGLES, random)} (#${index + 1})`.replace(/^./, (c) => c.toUpperCase()),
          track: pick(TRACKS, random),
          type: kind.type,
          abstract: abstractOf(random),
          persons: personsOf(kind.type, random),
        });
        at += minutes + CHANGEOVER_MIN;
      }
    }
    day += 1;
  }
  const xml = buildFrabXml({ title: options.title, acronym: options.slug, timeZone: "Europe/Berlin", events });
  return { title: options.title, slug: options.slug, xml, sessions: events.length, days: day, rooms: ROOMS.length };
}
