import { describe, expect, it } from 'vitest';
import { staffRoles } from '../../../src/modules/staff/roles.ts';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { STAFF_ROLES } from './staffRoles';

describe('staff roles in the console', () => {
  it('are the roles the server knows', () => {
    expect([...STAFF_ROLES]).toEqual([...staffRoles]);
  });

  it('each have a name in both languages', () => {
    for (const role of STAFF_ROLES) {
      expect(zhCN.console.roles[role]).toMatch(/[\u4e00-\u9fff]/);
      expect(en.console.roles[role]).not.toBe('');
    }
  });
});
