import type { InsurerPolicy } from '../../src/integrations/insurer/insurer-adapter.ts';

/** An answer of the reference insurer before it is signed and sent. */
export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** What the insurer keeps of a policy: the contract as the adapter reads it, not the people (the simulator needs no more). */
export interface PolicyRecord extends InsurerPolicy {
  insuredCount: number;
}

export interface ReferenceInsurerStats {
  /** Distinct policies ever issued. */
  policiesIssued: number;
  /** Requests received, whatever became of them. */
  requests: number;
  /** Requests answered as asked (success or refusal of any kind), replays included. */
  answered: number;
  /** Requests answered 503 on purpose (failureRate), before or after doing the work. */
  failed: number;
  /** Of those, the ones whose work was done: only idempotency keeps their retry from doing it again. */
  failedAfterWork: number;
  /** Requests whose idempotency key had been seen: answered with the first result, nothing done again. */
  duplicated: number;
}

interface Remembered {
  fingerprint: string;
  answer: Answer;
}

/** The insurer's whole state, in memory: policies by number and the first answer to each idempotency key. */
export class PolicyBook {
  readonly #policies = new Map<string, PolicyRecord>();
  readonly #answers = new Map<string, Remembered>();
  // Started from the clock (milliseconds, 10 digits): the state is lost on a restart, and numbers issued
  // before it must not be issued again to a platform whose database remembers them.
  #sequence = Date.now() % 10_000_000_000;
  readonly counts: Omit<ReferenceInsurerStats, 'policiesIssued'> = { requests: 0, answered: 0, failed: 0, failedAfterWork: 0, duplicated: 0 };

  /** `RI` + the year + 10 digits, in issue order. */
  nextPolicyNumber(year: string): string {
    this.#sequence = (this.#sequence + 1) % 10_000_000_000;
    return `RI${year}${String(this.#sequence).padStart(10, '0')}`;
  }

  add(policy: PolicyRecord): void {
    this.#policies.set(policy.policyNumber, policy);
  }

  policy(policyNumber: string): PolicyRecord | undefined {
    return this.#policies.get(policyNumber);
  }

  /**
   * The first answer given to this key, or `reused` when the key came with a different request:
   * answering that with the first result would tell the caller something it did not ask.
   */
  replay(key: string, fingerprint: string): Answer | 'reused' | undefined {
    const remembered = this.#answers.get(key);
    if (!remembered) return undefined;
    return remembered.fingerprint === fingerprint ? remembered.answer : 'reused';
  }

  remember(key: string, fingerprint: string, answer: Answer): void {
    this.#answers.set(key, { fingerprint, answer });
  }

  stats(): ReferenceInsurerStats {
    return { policiesIssued: this.#policies.size, ...this.counts };
  }
}

export function presentPolicy(policy: PolicyRecord): Record<string, unknown> {
  return {
    policyNumber: policy.policyNumber,
    status: policy.status,
    productCode: policy.productCode,
    planCode: policy.planCode,
    coverStart: policy.coverStart,
    coverEnd: policy.coverEnd,
    premiumFen: policy.premiumFen,
    issuedAt: policy.issuedAt.toISOString(),
    cancelledAt: policy.cancelledAt?.toISOString() ?? null,
    refundFen: policy.refundFen,
    endorsementNumbers: [...policy.endorsementNumbers],
  };
}

export function refusal(status: number, error: string, reason: string): Answer {
  return { status, body: { error, reason } };
}
