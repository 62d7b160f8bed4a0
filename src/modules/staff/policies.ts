import { AppError } from '../../errors/app-error.ts';
import type { Actor } from '../../privacy/access/context.ts';
import type { StaffRole } from './roles.ts';

/**
 * Who may do what in the console, declared in one place. Least privilege: an action not listed for a
 * role is refused. Every action must appear here — the matrix test fails on one without a rule.
 */
export const staffPermissions = {
  'system.status.read': ['administrator', 'operations', 'compliance_officer', 'auditor', 'customer_service', 'claims_handler'],
  'staff.list': ['administrator'],
  'staff.create': ['administrator'],
  'staff.assign_roles': ['administrator'],
  'staff.disable': ['administrator'],
  // Customer service finds a caller's account; the PI-protection officer reviews. Values stay masked.
  'customers.lookup': ['customer_service', 'compliance_officer'],
  // Seeing a full value is for the person's own service only, with a reason, and audited.
  'customers.unmask': ['customer_service'],
  // The record of processing activities and the audit log: the PI-protection officer and auditors.
  'privacy.data_map.read': ['compliance_officer', 'auditor', 'administrator'],
  'audit.read': ['compliance_officer', 'auditor'],
  'audit.verify': ['compliance_officer', 'auditor'],
  'recipients.read': ['compliance_officer', 'auditor', 'administrator'],
  'recipients.manage': ['compliance_officer'],
  'alerts.read': ['compliance_officer', 'auditor'],
  'alerts.acknowledge': ['compliance_officer'],
  // Privacy policy, user agreement and cookie policy versions: drafted and published by the PI-protection officer.
  'documents.read': ['compliance_officer', 'auditor', 'administrator'],
  'documents.manage': ['compliance_officer'],
  // Operations write and send marketing campaigns (only to people whose consent is in force); the
  // PI-protection officer and auditors see what was sent and to how many.
  'marketing.campaigns.read': ['operations', 'compliance_officer', 'auditor'],
  'marketing.campaigns.manage': ['operations'],
  // Legal holds stop the retention sweep: placed and released by the PI-protection officer, seen by auditors.
  'retention.read': ['compliance_officer', 'auditor'],
  'retention.holds.manage': ['compliance_officer'],
  'retention.sweep.run': ['compliance_officer'],
  // R-MIN-2: erasing a child's data collected without a guardian's consent.
  'minors.erase_unconsented': ['compliance_officer'],
  // The product catalogue (R-POL-1): operations put products on sale and take them off; the
  // PI-protection officer, auditors and administrators may look.
  'catalogue.read': ['operations', 'compliance_officer', 'auditor', 'administrator'],
  'catalogue.publish': ['operations'],
  // Editing terms, plans, documents and rating tables, and copying a product as a new draft.
  'catalogue.edit': ['operations'],
  // Orders and their sales-process record (R-POL-7): service finds a customer's order; the
  // PI-protection officer and auditors replay how it was sold. People's values stay masked.
  'orders.read': ['customer_service', 'compliance_officer', 'auditor'],
  'orders.unmask': ['customer_service'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type StaffAction = keyof typeof staffPermissions;

export function can(actor: Actor, action: StaffAction): boolean {
  if (actor.type !== 'staff') return false;
  const allowed: readonly StaffRole[] = staffPermissions[action];
  return actor.roles.some((role) => allowed.includes(role));
}

/** Throws unauthorized for non-staff and forbidden for staff without a role that allows the action. */
export function authorizeStaff(actor: Actor, action: StaffAction): Extract<Actor, { type: 'staff' }> {
  if (actor.type !== 'staff') throw new AppError('unauthorized', `Staff session required for ${action}`);
  if (!can(actor, action)) throw new AppError('forbidden', `Roles ${actor.roles.join(',')} may not ${action}`);
  return actor;
}
