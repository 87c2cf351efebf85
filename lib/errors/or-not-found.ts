import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors/app-error";

/**
 * For pages: a NOT_FOUND from lib/ becomes the 404 page, so a team the
 * viewer is not in looks exactly like one that does not exist, as in the API.
 */
export async function orNotFound<T>(pending: Promise<T>): Promise<T> {
  try {
    return await pending;
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
