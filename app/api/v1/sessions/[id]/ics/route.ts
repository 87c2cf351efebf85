import { z } from "zod";
import { apiRoute } from "@/lib/api/respond";
import { buildSessionDownload } from "@/lib/calendar/build-calendar-files";
import { calendarAttachmentResponse } from "@/lib/calendar/calendar-responses";

const ZSessionIcsParams = z.object({ id: z.string().min(1) });

/** One session as an .ics file. Public, like the program: it carries nothing of any user. */
export const GET = apiRoute<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const { id } = ZSessionIcsParams.parse(await params);
  return calendarAttachmentResponse(await buildSessionDownload(id), "public, max-age=300");
});
