import { NextResponse } from "next/server";
import { readJson } from "@/lib/api/read-json";
import { apiRoute } from "@/lib/api/respond";
import { deleteNote, getNote, saveNote } from "@/lib/agenda/notes";
import { requireCaller } from "@/lib/auth/resolve-caller";
import { z } from "zod";

type Context = { params: Promise<{ sessionId: string }> };

const toJson = (note: { sessionId: string; body: string; updatedAt: Date }) => ({
  sessionId: note.sessionId,
  body: note.body,
  updatedAt: note.updatedAt.toISOString(),
});

export const GET = apiRoute<Context>(async (request, { params }) => {
  const caller = await requireCaller(request);
  return NextResponse.json(toJson(await getNote(caller.id, (await params).sessionId)));
});

export const PUT = apiRoute<Context>(async (request, { params }) => {
  const caller = await requireCaller(request);
  // The length rule is checked in saveNote, so the API and the page say the same thing.
  const { body } = await readJson(request, z.object({ body: z.string({ error: "body must be a string of Markdown" }) }));
  return NextResponse.json(toJson(await saveNote(caller.id, (await params).sessionId, body)));
});

export const DELETE = apiRoute<Context>(async (request, { params }) => {
  const caller = await requireCaller(request);
  await deleteNote(caller.id, (await params).sessionId);
  return new NextResponse(null, { status: 204 });
});
