import { apiRoute } from "@/lib/api/respond";
import { listNotes } from "@/lib/agenda/notes";
import { notesToMarkdown } from "@/lib/agenda/notes-to-markdown";
import { requireCaller } from "@/lib/auth/resolve-caller";

/** All my notes as one Markdown file. */
export const GET = apiRoute(async (request) => {
  const caller = await requireCaller(request);
  const markdown = notesToMarkdown(await listNotes(caller.id));
  return new Response(markdown, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": 'attachment; filename="my-conference-notes.md"',
      "Cache-Control": "no-store",
    },
  });
});
