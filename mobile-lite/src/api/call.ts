import { describeException, describeProblem, type ShownError } from './problem';

export type Outcome<R> = { ok: true; result: R } | { ok: false; error: ShownError; status?: number };

/** Runs one API call and sorts the outcome: success, or an error ready to show (API problem or no network). */
export async function attempt<R extends { error?: unknown; response: Response }>(
  call: () => Promise<R>,
  fields: readonly string[] = [],
): Promise<Outcome<R>> {
  try {
    const result = await call();
    if (result.response.ok) return { ok: true, result };
    return { ok: false, error: describeProblem(result.error, fields), status: result.response.status };
  } catch (error) {
    return { ok: false, error: describeException(error) };
  }
}
