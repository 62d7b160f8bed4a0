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
  /** Customers only: where the account stands on age (R-MIN-1). */
  ageStanding?: 'unknown' | 'at_least_14' | 'child_with_guardian' | 'child_awaiting_guardian';
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

// ---------- Privacy and compliance (console) ----------

/** One customer found by customer service; the number is always masked here. */
export interface CustomerCard {
  customerId: string;
  phoneMasked: string;
  status: 'active' | 'closed' | 'anonymised';
  createdAt: string;
  lastSignInAt: string | null;
}

export interface LocalisedText {
  zh: string;
  en: string;
}

export type StoredAs = 'encrypted' | 'keyed_hash' | 'hash' | 'plain';

/** One category of personal information in the record of processing activities (RoPA). */
export interface DataMapEntry {
  category: string;
  name: LocalisedText;
  isSensitive: boolean;
  storedIn: Array<{ table: string; column: string; storedAs: StoredAs; purposes: string[]; basis: string; retention: string }>;
  purposes: string[];
  bases: Array<{ basis: string } & LocalisedText>;
  retention: Array<{ rule: string } & LocalisedText>;
  recipients: string[];
}

export interface AuditSearch {
  subjectId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  limit: number;
  /** Continue after this entry: the last of the page before. */
  before?: { at: string; chain: number; seq: number };
}

export interface AuditEntry {
  chain: number;
  seq: number;
  at: string;
  actorType: string;
  actorId: string | null;
  /** The staff member's display name, when a staff member acted. */
  actorName: string | null;
  action: string;
  subjectId: string | null;
  record: string | null;
  fields: string[];
  purpose: string;
  reason: string | null;
  requestId: string;
  ip: string | null;
}

export interface AuditVerification {
  entries: number;
  isIntact: boolean;
  problems: Array<{ chain: number; seq: number; kind: string }>;
}

export type RecipientStatus = 'active' | 'suspended';

export interface Recipient {
  id: string;
  name: string;
  type: string;
  integration: string | null;
  country: string;
  purposes: string[];
  categories: string[];
  agreementReference: string | null;
  /** Calendar dates, YYYY-MM-DD. */
  agreementSignedOn: string | null;
  agreementExpiresOn: string | null;
  status: RecipientStatus;
  createdAt: string;
}

export interface RecipientInput {
  name: string;
  type: string;
  integration: string | null;
  country: string;
  purposes: string[];
  categories: string[];
  agreementReference: string | null;
  agreementSignedOn: string | null;
  agreementExpiresOn: string | null;
}

export interface AccessAlert {
  id: string;
  kind: string;
  actorId: string;
  distinctSubjects: number;
  windowMinutes: number;
  raisedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  note: string | null;
}

// ---------- Privacy (customer site) ----------

/** One time the customer's data went to a third party ("who received my data"). */
export interface MyDisclosure {
  at: string;
  recipientName: string;
  recipientType: string;
  fields: string[];
  purpose: string;
  basis: string;
}

// ---------- Retention and legal holds (console) ----------

export type RetentionAction = 'delete' | 'anonymise';

/** One table's retention rule and what it means today (a dry run of the sweep). */
export interface RetentionScheduleLine {
  table: string;
  rule: string;
  ruleText: LocalisedText;
  action: RetentionAction;
  /** Rows past retention now, which the next sweep deletes or anonymises. */
  due: number;
  /** Rows past retention that legal holds keep. */
  held: number;
}

export interface LegalHold {
  id: string;
  subjectId: string;
  recordTable: string | null;
  recordId: string | null;
  kind: string;
  reference: string;
  retainUntil: string | null;
  placedBy: string;
  placedAt: string;
  releasedBy: string | null;
  releasedAt: string | null;
}

export interface LegalHoldInput {
  subjectId: string;
  recordTable?: string;
  recordId?: string;
  kind: string;
  reference: string;
  /** ISO 8601; without it the hold lasts until released. */
  retainUntil?: string;
  reason: string;
}

export type TaskStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface RetentionSweepReport {
  table: string;
  rule: string;
  action: RetentionAction;
  removed: number;
  held: number;
}

export interface RetentionSweepProgress {
  status: TaskStatus;
  done: number;
  total: number | null;
  reports: RetentionSweepReport[];
}
