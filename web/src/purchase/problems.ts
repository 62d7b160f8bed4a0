import type { ApplicationProblem } from '../../../src/shared/application.ts';
import { ApiError } from '../api/apiError';

/** A problem with one box of the purchase form, pointed at inside the application (`/insured/1/person/name`). */
export type FormProblem = Pick<ApplicationProblem, 'pointer' | 'detail'>;

// The server answers with pointers into the request body; the form's are into the application.
const SERVER_PREFIX = '/body/application';

/** The field problems of an `application_invalid` answer, pointed into the application; none for any other failure. */
export function serverProblemsOf(error: unknown): FormProblem[] {
  if (!(error instanceof ApiError) || error.code !== 'application_invalid') return [];
  return error.fieldErrors.map((problem) => ({ pointer: problem.pointer.startsWith(SERVER_PREFIX) ? problem.pointer.slice(SERVER_PREFIX.length) : problem.pointer, detail: problem.detail }));
}

/** The wizard step whose boxes a pointer names: the trip's, or the applicant form's. */
export function stepOfPointer(pointer: string): 'trip' | 'applicant' {
  return /^\/(policyholder|insured)(\/|$)/.test(pointer) ? 'applicant' : 'trip';
}

/** The texts to show at exactly this pointer, each once. */
export function messagesAt(problems: readonly FormProblem[], pointer: string): string[] {
  return [...new Set(problems.filter((problem) => problem.pointer === pointer).map((problem) => problem.detail))];
}

/**
 * What the form shows: the server's problems until their box changes, and the live check's for the
 * boxes a person has left (or all of a step once they tried to move on) — so nobody is told a box is
 * empty before they reached it.
 */
export function visibleProblems(live: readonly FormProblem[], server: readonly FormProblem[], isShown: (pointer: string) => boolean): FormProblem[] {
  const seen = new Set<string>();
  return [...server, ...live.filter((problem) => isShown(problem.pointer))].filter((problem) => {
    const key = `${problem.pointer}\u0000${problem.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
