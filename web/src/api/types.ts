// Response shapes of the server's public contract.

export interface PiContact {
  name: string;
  email: string;
  phone: string;
}

export interface OperatorInfo {
  companyName: string;
  address: string;
  hotline: string;
  piContact: PiContact;
  icpNumber: string | null;
  licenceNumber: string | null;
}

export interface Health {
  status: 'ok';
  version: string;
  uptimeSeconds: number;
}

export type CheckStatus = 'ok' | 'error';

export interface Readiness {
  status: 'ready' | 'not_ready';
  checks: {
    database: { status: CheckStatus; kind: 'pglite' | 'postgres' };
    migrations: { status: CheckStatus; applied: number; expected: number };
    jobs: { status: CheckStatus };
  };
}

// ---------- Customer identity ----------

export type SiteActorType = 'anonymous' | 'guest' | 'customer';

export interface SiteSession {
  actor: { type: SiteActorType; id?: string };
  csrfToken: string;
}

export interface CodeRequested {
  expiresInSeconds: number;
  resendAfterSeconds: number;
  /** Only when the server runs in demo mode: no SMS was sent and the page shows the code. */
  demoCode?: string;
}

export interface SignedIn {
  customerId: string;
  isNewAccount: boolean;
  csrfToken: string;
}

export interface AccountOverview {
  customerId: string;
  phoneMasked: string;
  hasPassword: boolean;
  passwordSetAt: string | null;
  createdAt: string;
}

export interface CustomerSession {
  id: string;
  device: string;
  network: string | null;
  createdAt: string;
  lastSeenAt: string;
  isCurrent: boolean;
}

// ---------- Staff console ----------

export interface StaffIdentity {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  permissions: string[];
}

export interface ConsoleSession {
  staff: StaffIdentity | null;
  csrfToken: string;
}

export type StaffPasswordStep =
  | { step: 'totp'; stepToken: string }
  | { step: 'enroll'; stepToken: string; otpauthUri: string; qrDataUrl: string; secret: string };

export interface StaffSignedIn {
  staffId: string;
  csrfToken: string;
}

export interface StaffMember {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  status: 'active' | 'disabled';
  hasTotp: boolean;
  createdAt: string;
  lastSignInAt: string | null;
}

export interface StaffCreated {
  id: string;
  initialPassword: string;
}
