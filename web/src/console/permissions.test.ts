import { describe, expect, it } from 'vitest';
import { staffPermissions } from '../../../src/modules/staff/policies.ts';
import { CONSOLE_PERMISSIONS } from './permissions';

describe('console permissions', () => {
  it('are the permissions the server grants', () => {
    expect([...CONSOLE_PERMISSIONS].sort()).toEqual(Object.keys(staffPermissions).sort());
  });
});
