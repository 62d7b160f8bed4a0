import { Type } from 'typebox';

/** RFC 9457 problem document, as every error response is shaped (for the OpenAPI document). */
export const ProblemSchema = Type.Object(
  {
    type: Type.String({ examples: ['urn:besttrav:problem:not_found'] }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
    instance: Type.String({ description: 'Request id, to quote to customer service' }),
    errors: Type.Optional(Type.Array(Type.Object({ pointer: Type.String(), detail: Type.String() }))),
  },
  { $id: 'Problem', title: 'Problem' },
);
