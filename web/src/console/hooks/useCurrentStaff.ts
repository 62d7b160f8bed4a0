import { useOutletContext } from 'react-router';
import type { StaffIdentity } from '../../api/types';

export interface ConsoleOutletContext {
  staff: StaffIdentity;
  signOut: () => void;
  isSigningOut: boolean;
}

/** The signed-in staff member, for pages inside the console layout (which only renders them when there is one). */
export function useCurrentStaff(): StaffIdentity {
  return useOutletContext<ConsoleOutletContext>().staff;
}

/** Sign-out as the console layout runs it, for pages that offer it besides the header. */
export function useConsoleSignOut(): Pick<ConsoleOutletContext, 'signOut' | 'isSigningOut'> {
  const { signOut, isSigningOut } = useOutletContext<ConsoleOutletContext>();
  return { signOut, isSigningOut };
}
