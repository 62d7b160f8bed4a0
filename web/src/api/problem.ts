/** RFC 9457 problem details as the Besttrav server sends them. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  instance?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Narrows an untrusted JSON body; a body missing the fields people see is not treated as a problem. */
export function parseProblem(body: unknown): ProblemDetails | undefined {
  if (!isRecord(body)) return undefined;
  const { type, title, status, detail, code, instance } = body;
  if (typeof title !== 'string' || typeof status !== 'number') return undefined;
  return {
    type: typeof type === 'string' ? type : 'about:blank',
    title,
    status,
    code: typeof code === 'string' ? code : 'unknown',
    ...(typeof detail === 'string' ? { detail } : {}),
    ...(typeof instance === 'string' ? { instance } : {}),
  };
}
