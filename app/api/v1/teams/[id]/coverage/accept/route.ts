import { NextResponse } from "next/server";
import { readJson } from "@/lib/api/read-json";
import { apiRoute } from "@/lib/api/respond";
import { requireCaller } from "@/lib/auth/resolve-caller";
import { ZCoverageAccept, acceptCoveragePart } from "@/lib/sharing/coverage-board";
import { ZTeamParams } from "@/lib/sharing/route-input";

/** The caller accepts (part of) their share of the proposal: those sessions become their "must" stars. */
export const POST = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const caller = await requireCaller(request);
  const { id } = ZTeamParams.parse(await params);
  const input = await readJson(request, ZCoverageAccept);
  return NextResponse.json(await acceptCoveragePart(id, caller.id, input));
});
