import { NextResponse } from "next/server";
import { readJson } from "@/lib/api/read-json";
import { apiRoute } from "@/lib/api/respond";
import { requireCaller } from "@/lib/auth/resolve-caller";
import { ZConferenceQuery, readQuery } from "@/lib/sharing/route-input";
import { createShareLink, listShareLinks } from "@/lib/sharing/share-links";

/** My share links, optionally for one conference: ids and dates only, since a URL is shown once. */
export const GET = apiRoute(async (request) => {
  const caller = await requireCaller(request);
  const { conference } = readQuery(request, ZConferenceQuery.partial());
  const links = await listShareLinks(caller.id, conference);
  return NextResponse.json({
    links: links.map((link) => ({ id: link.id, conference: link.conference.slug, createdAt: link.createdAt })),
  });
});

export const POST = apiRoute(async (request) => {
  const caller = await requireCaller(request);
  const { conference } = await readJson(request, ZConferenceQuery);
  const link = await createShareLink(caller.id, conference);
  return NextResponse.json({ id: link.id, url: link.url }, { status: 201 });
});
