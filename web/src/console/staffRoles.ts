import type { ParseKeys } from 'i18next';

/**
 * The staff roles, in the order the console lists them. A copy of src/modules/staff/roles.ts (the web
 * app does not import server modules); staffRoles.test.ts fails when the two drift apart.
 */
export const STAFF_ROLES = ['customer_service', 'claims_handler', 'operations', 'compliance_officer', 'auditor', 'administrator'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}

/** The translation key of a role's name; a role this build does not know yet is shown by its code. */
export function roleLabelKey(role: string): ParseKeys | undefined {
  return isStaffRole(role) ? `console.roles.${role}` : undefined;
}
