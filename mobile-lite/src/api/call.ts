import { describeException, describeProblem, problemCode, type ShownError } from './problem';

/**
 * A failure carries the text to show, the HTTP status and, when the API answered with a problem,
 * its stable `code` and the whole body (some problems add fields: `requiredLevel`, `firstVerifiedAt`…).
 */
export type Outcome<R> =
  | { ok: true; result: R }
  | { ok: false; error: ShownError; status?: number; code?: string; problem?: unknown };

/** Runs one API call and sorts the outcome: success, or an error ready to show (API problem or no network). */
export async function attempt<R extends { error?: unknown; response: Response }>(
  call: () => Promise<R>,
  fields: readonly string[] = [],
): Promise<Outcome<R>> {
  try {
    const result = await call();
    if (result.response.ok) return { ok: true, result };
    return {
      ok: false,
      error: describeProblem(result.error, fields),
      status: result.response.status,
      code: problemCode(result.error),
      problem: result.error,
    };
  } catch (error) {
    return { ok: false, error: describeException(error) };
  }
}
