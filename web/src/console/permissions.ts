import type { StaffIdentity } from '../api/types';

/**
 * Permission names the console checks; the server decides them per role (src/modules/staff/policies.ts).
 * A copy of that list (the web app does not import server modules); permissions.test.ts fails when the
 * two drift apart.
 */
export const CONSOLE_PERMISSIONS = [
  'system.status.read',
  'staff.list',
  'staff.create',
  'staff.assign_roles',
  'staff.disable',
  'customers.lookup',
  'customers.unmask',
  'privacy.data_map.read',
  'audit.read',
  'audit.verify',
  'recipients.read',
  'recipients.manage',
  'alerts.read',
  'alerts.acknowledge',
  'documents.read',
  'documents.manage',
  'retention.read',
  'retention.holds.manage',
  'retention.sweep.run',
  'minors.erase_unconsented',
  'catalogue.read',
  'catalogue.publish',
  'catalogue.edit',
  'orders.read',
  'orders.unmask',
  'marketing.campaigns.read',
  'marketing.campaigns.manage',
] as const;
export type ConsolePermission = (typeof CONSOLE_PERMISSIONS)[number];

// Hiding what a role may not use keeps the console honest to look at; the server still refuses it.
export function hasPermission(staff: StaffIdentity, permission: ConsolePermission): boolean {
  return staff.permissions.includes(permission);
}
