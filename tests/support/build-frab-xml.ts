import { DateTime } from "luxon";

/** Writes frab schedule XML the way frab and pretalx do, for tests and benchmarks. */
export type FrabEvent = {
  guid: string;
  date: string;
  start: string;
  duration: string;
  room: string;
  title: string;
  track?: string;
  type?: string;
  abstract?: string;
  persons?: string[];
};

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function buildFrabXml(program: { title: string; acronym: string; timeZone: string; events: FrabEvent[] }): string {
  const days = [...new Set(program.events.map((event) => event.date))].sort();
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<schedule>",
    "  <version>1.0</version>",
    "  <conference>",
    `    <acronym>${escapeXml(program.acronym)}</acronym>`,
    `    <title>${escapeXml(program.title)}</title>`,
    `    <start>${days[0] ?? ""}</start>`,
    `    <end>${days.at(-1) ?? ""}</end>`,
    `    <days>${days.length}</days>`,
    "    <timeslot_duration>00:05</timeslot_duration>",
    `    <time_zone_name>${program.timeZone}</time_zone_name>`,
    "  </conference>",
  ];
  days.forEach((day, index) => {
    out.push(`  <day index="${index + 1}" date="${day}" start="${day}T04:00:00Z" end="${day}T23:59:00Z">`);
    const events = program.events.filter((event) => event.date === day);
    for (const room of [...new Set(events.map((event) => event.room))]) {
      out.push(`    <room name="${escapeXml(room)}" guid="room-${escapeXml(room)}">`);
      for (const event of events.filter((e) => e.room === room)) {
        const at = DateTime.fromISO(`${event.date}T${event.start}`, { zone: program.timeZone });
        out.push(
          `      <event guid="${event.guid}" id="${event.guid.replace(/\D/g, "") || "1"}">`,
          `        <date>${at.toISO({ suppressMilliseconds: true })}</date>`,
          `        <start>${event.start}</start>`,
          `        <duration>${event.duration}</duration>`,
          `        <room>${escapeXml(event.room)}</room>`,
          `        <slug>${event.guid}</slug>`,
          `        <url>https://example.org/talk/${event.guid}</url>`,
          `        <title>${escapeXml(event.title)}</title>`,
          "        <subtitle></subtitle>",
          `        <track>${escapeXml(event.track ?? "General")}</track>`,
          `        <type>${event.type ?? "talk"}</type>`,
          "        <language>en</language>",
          `        <abstract>${escapeXml(event.abstract ?? "")}</abstract>`,
          "        <description></description>",
          "        <persons>",
          ...(event.persons ?? []).map((name, i) => `          <person id="${i + 1}">${escapeXml(name)}</person>`),
          "        </persons>",
          "        <links></links>",
          "      </event>",
        );
      }
      out.push("    </room>");
    }
    out.push("  </day>");
  });
  out.push("</schedule>", "");
  return out.join("\n");
}
