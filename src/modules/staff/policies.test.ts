import { describe, expect, it } from 'vitest';
import type { Actor } from '../../privacy/access/context.ts';
import { can, staffPermissions, type StaffAction } from './policies.ts';
import { staffRoles, type StaffRole } from './roles.ts';

// The expected answer for every role and action, written out by hand: a new action without a row
// here fails the first test, so nobody adds a permission without deciding who gets it.
const expected: Record<StaffAction, StaffRole[]> = {
  'system.status.read': ['customer_service', 'claims_handler', 'operations', 'compliance_officer', 'auditor', 'administrator'],
  'staff.list': ['administrator'],
  'staff.create': ['administrator'],
  'staff.assign_roles': ['administrator'],
  'staff.disable': ['administrator'],
  'customers.lookup': ['customer_service', 'compliance_officer'],
  'customers.unmask': ['customer_service'],
  'privacy.data_map.read': ['compliance_officer', 'auditor', 'administrator'],
  'audit.read': ['compliance_officer', 'auditor'],
  'audit.verify': ['compliance_officer', 'auditor'],
  'recipients.read': ['compliance_officer', 'auditor', 'administrator'],
  'recipients.manage': ['compliance_officer'],
  'alerts.read': ['compliance_officer', 'auditor'],
  'alerts.acknowledge': ['compliance_officer'],
  'documents.read': ['compliance_officer', 'auditor', 'administrator'],
  'documents.manage': ['compliance_officer'],
  'marketing.campaigns.read': ['operations', 'compliance_officer', 'auditor'],
  'marketing.campaigns.manage': ['operations'],
  'retention.read': ['compliance_officer', 'auditor'],
  'retention.holds.manage': ['compliance_officer'],
  'retention.sweep.run': ['compliance_officer'],
  'minors.erase_unconsented': ['compliance_officer'],
  'catalogue.read': ['operations', 'compliance_officer', 'auditor', 'administrator'],
  'catalogue.publish': ['operations'],
  'catalogue.edit': ['operations'],
  'orders.read': ['customer_service', 'compliance_officer', 'auditor'],
  'orders.unmask': ['customer_service'],
};

describe('staff permission matrix', () => {
  it('R-SEC-3 every declared action has an expected row', () => {
    expect(Object.keys(expected).sort()).toEqual(Object.keys(staffPermissions).sort());
  });

  for (const action of Object.keys(staffPermissions) as StaffAction[]) {
    for (const role of staffRoles) {
      const allowed = expected[action]?.includes(role) ?? false;
      it(`R-SEC-3 ${role} ${allowed ? 'may' : 'may not'} ${action}`, () => {
        expect(can({ type: 'staff', id: 'stf_x', roles: [role] }, action)).toBe(allowed);
      });
    }
  }

  it('R-SEC-3 nobody but staff holds any console permission', () => {
    const others: Actor[] = [{ type: 'anonymous' }, { type: 'customer', id: 'cus_x' }, { type: 'guest', id: 'gst_x' }, { type: 'system', job: 'x' }, { type: 'partner', id: 'ptn_x' }];
    for (const actor of others) for (const action of Object.keys(staffPermissions) as StaffAction[]) expect(can(actor, action)).toBe(false);
  });
});
