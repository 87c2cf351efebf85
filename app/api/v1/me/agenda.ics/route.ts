import { z } from "zod";
import { apiRoute } from "@/lib/api/respond";
import { requireCaller } from "@/lib/auth/resolve-caller";
import { buildAgendaDownload } from "@/lib/calendar/build-calendar-files";
import { calendarAttachmentResponse } from "@/lib/calendar/calendar-responses";

const ZAgendaIcsQuery = z.object({
  /** Without it, the download holds the starred sessions of every conference. */
  conference: z.string().trim().min(1, "name a conference slug").max(200).optional(),
});

export const GET = apiRoute(async (request) => {
  const caller = await requireCaller(request);
  const { conference } = ZAgendaIcsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  // The file holds the user's own notes when they chose so: never stored by a shared cache.
  return calendarAttachmentResponse(await buildAgendaDownload(caller.id, conference), "private, no-store");
});
