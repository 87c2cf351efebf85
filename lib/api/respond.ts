import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { AppError, isAppError } from "@/lib/errors/app-error";

/** The one place an error becomes an HTTP answer: `{ error: { code, message } }`. */
export function errorResponse(error: unknown): NextResponse {
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    return errorResponse(new AppError("BAD_REQUEST", `${where}${issue?.message ?? "invalid request"}`));
  }
  if (isAppError(error)) {
    const headers = new Headers();
    const retryAfter = error.details?.retryAfterSeconds;
    if (typeof retryAfter === "number") headers.set("Retry-After", String(retryAfter));
    return NextResponse.json({ error: { code: error.code, message: error.message } }, { status: error.status, headers });
  }
  console.error(error);
  return NextResponse.json({ error: { code: "INTERNAL", message: "Something went wrong on our side." } }, { status: 500 });
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Wraps a route handler so that every thrown error is answered by errorResponse. */
export function apiRoute<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
