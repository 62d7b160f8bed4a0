import type { StaffIdentity } from '../api/types';

/** Permission names the console checks; the server decides them per role (src/modules/staff/policies.ts). */
export type ConsolePermission = 'system.status.read' | 'staff.list' | 'staff.create' | 'staff.assign_roles' | 'staff.disable';

// Hiding what a role may not use keeps the console honest to look at; the server still refuses it.
export function hasPermission(staff: StaffIdentity, permission: ConsolePermission): boolean {
  return staff.permissions.includes(permission);
}
