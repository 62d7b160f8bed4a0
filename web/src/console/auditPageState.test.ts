import { describe, expect, it } from 'vitest';
import { auditPageStateFrom } from './auditPageState';

describe('auditPageStateFrom', () => {
  it('keeps a person or staff id handed over by another page', () => {
    expect(auditPageStateFrom({ subjectId: 'cus_1' })).toEqual({ subjectId: 'cus_1' });
    expect(auditPageStateFrom({ actorId: 'stf_1', other: 1 })).toEqual({ actorId: 'stf_1' });
  });

  it('ignores anything else history may hold', () => {
    expect(auditPageStateFrom(null)).toBeUndefined();
    expect(auditPageStateFrom('cus_1')).toBeUndefined();
    expect(auditPageStateFrom({ subjectId: 3, actorId: '' })).toBeUndefined();
  });
});
