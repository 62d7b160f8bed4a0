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
