/** Staff roles. A staff member may hold several; permissions are granted per role (see policies). */
export const staffRoles = ['customer_service', 'claims_handler', 'operations', 'compliance_officer', 'auditor', 'administrator'] as const;
export type StaffRole = (typeof staffRoles)[number];
