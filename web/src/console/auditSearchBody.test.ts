import { describe, expect, it } from 'vitest';
import { auditSearchBody } from './auditSearchBody';

describe('auditSearchBody', () => {
  it('leaves out empty filters', () => {
    expect(auditSearchBody({ subjectId: '  ', actorId: '', action: undefined, from: '', to: '', limit: 100 })).toEqual({ limit: 100 });
  });

  it('trims pasted identifiers and reads times as Beijing time', () => {
    expect(auditSearchBody({ subjectId: ' cus_01 ', actorId: 'stf_02', action: 'unmask', from: '2025-03-01T08:00', to: '2025-03-01T20:00', limit: 50 })).toEqual({
      subjectId: 'cus_01',
      actorId: 'stf_02',
      action: 'unmask',
      from: '2025-03-01T00:00:00.000Z',
      to: '2025-03-01T12:00:00.000Z',
      limit: 50,
    });
  });
});
