/** One problem with one input, pointed at with a JSON pointer such as "/body/phone". */
export interface FieldProblem {
  pointer: string;
  detail: string;
}

/** RFC 9457 problem details as the Besttrav server sends them. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  instance?: string;
  errors: FieldProblem[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseFieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) =>
    isRecord(item) && typeof item.pointer === 'string' && typeof item.detail === 'string' ? [{ pointer: item.pointer, detail: item.detail }] : [],
  );
}

/** Narrows an untrusted JSON body; a body missing the fields people see is not treated as a problem. */
export function parseProblem(body: unknown): ProblemDetails | undefined {
  if (!isRecord(body)) return undefined;
  const { type, title, status, detail, code, instance, errors } = body;
  if (typeof title !== 'string' || typeof status !== 'number') return undefined;
  return {
    type: typeof type === 'string' ? type : 'about:blank',
    title,
    status,
    code: typeof code === 'string' ? code : 'unknown',
    errors: parseFieldProblems(errors),
    ...(typeof detail === 'string' ? { detail } : {}),
    ...(typeof instance === 'string' ? { instance } : {}),
  };
}
