import type { InsurerApplication } from '../../src/integrations/insurer/insurer-application.ts';
import { refusal, type Answer, type PolicyBook } from './policy-book.ts';
import { plainTextPdf } from './policy-schedule-pdf.ts';
import { validateApplication } from './validate-application.ts';

/** Decides an application the insurer will not cover: a reason code, or undefined to issue. */
export type DeclineRule = (application: InsurerApplication) => string | undefined;

export interface Clock {
  now: Date;
  /** The date in Beijing, where cover days are counted. */
  today: string;
}

/** POST /v1/policies: validate, decide, issue with the schedule PDF. */
export function issuePolicy(book: PolicyBook, body: unknown, clock: Clock, declineRule: DeclineRule | undefined): Answer {
  const check = validateApplication(body, clock.today);
  if (!check.isValid) return refusal(422, 'invalid_application', check.reason);
  const application = check.application;
  const declined = declineRule?.(application);
  if (declined) return { status: 200, body: { status: 'declined', reason: declined } };

  const policyNumber = book.nextPolicyNumber(clock.today.slice(0, 4));
  book.add({
    policyNumber,
    status: 'in_force',
    productCode: application.productCode,
    planCode: application.planCode,
    coverStart: application.coverStart,
    coverEnd: application.coverEnd,
    premiumFen: application.premiumFen,
    insuredCount: application.insured.length,
    issuedAt: clock.now,
    cancelledAt: null,
    refundFen: null,
    endorsementNumbers: [],
  });
  const schedule = plainTextPdf([
    'Reference Insurer - Policy schedule',
    '',
    `Policy number: ${policyNumber}`,
    `Product: ${application.productCode}  Plan: ${application.planCode}`,
    `Cover: ${application.coverStart} to ${application.coverEnd} (Beijing dates, both included)`,
    `Destinations: ${application.destinations.join(', ') || '-'}`,
    `Persons insured: ${application.insured.length}`,
    `Premium: CNY ${yuan(application.premiumFen)}`,
    `Issued: ${clock.now.toISOString()}`,
  ]);
  return {
    status: 201,
    body: { status: 'issued', policyNumber, issuedAt: clock.now.toISOString(), documentPdfBase64: schedule.toString('base64') },
  };
}

/** The decline rule of the demo: any "yes" in a 健康告知 (the insurer does not underwrite individually). */
export const declineOnHealthAnswers: DeclineRule = (application) => {
  const people = [application.policyholder, ...application.insured.map((insured) => insured.person)];
  return people.some((person) => person.healthAnswers?.some((answer) => answer.answer === true)) ? 'health_declaration' : undefined;
};

function yuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}
