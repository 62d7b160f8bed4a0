import type { ReactNode } from 'react';
import { useCurrentStaff } from '../hooks/useCurrentStaff';
import { hasPermission, type ConsolePermission } from '../permissions';
import { ConsoleForbidden } from './ConsoleForbidden';

/** A console page that needs a permission: shown to those who have it, a plain "no access" to others. */
export function RequirePermission({ permission, children }: { permission: ConsolePermission; children: ReactNode }) {
  const staff = useCurrentStaff();
  return hasPermission(staff, permission) ? children : <ConsoleForbidden />;
}
