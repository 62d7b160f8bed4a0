import type { FetchLike } from '../sms/post-to-provider.ts';
import type { CancellationRequest, CancellationResult, DateEndorsementRequest, EndorsementResult, InsurerAdapter, InsurerPolicy, IssuanceResult } from './insurer-adapter.ts';
import type { InsurerApplication } from './insurer-application.ts';
import { exchange, field, refusal, type ExchangeSettings } from './insurer-exchange.ts';
import { insurerFailure, insurerReasonCode } from './insurer-failure.ts';
import { replyFields } from './reply-fields.ts';

export interface HttpInsurerOptions {
  /** Where the insurer's API lives (`https://api.insurer.example/partner`); paths start with /v1. */
  baseUrl: string;
  /** The insurer's code on the platform (`reference`): names the adapter and its disclosure recipient. */
  insurerCode: string;
  /** Shared HMAC secret agreed with the insurer. */
  secret: string;
  /** Past this the call counts as unanswered and is retried with the same key. */
  timeoutMs: number;
  fetch?: FetchLike;
  now?: () => Date;
}

/** An insurer's partner API: JSON over HTTPS, HMAC-signed both ways, idempotency keys on every change. */
export class HttpInsurerAdapter implements InsurerAdapter {
  readonly name: string;
  readonly recipientIntegration: string;
  readonly #settings: ExchangeSettings;

  constructor(options: HttpInsurerOptions) {
    this.name = options.insurerCode;
    this.recipientIntegration = `insurer.${options.insurerCode}`;
    this.#settings = {
      insurer: options.insurerCode,
      baseUrl: options.baseUrl,
      secret: options.secret,
      timeoutMs: options.timeoutMs,
      fetch: options.fetch ?? fetch,
      now: options.now ?? (() => new Date()),
    };
  }

  async submitApplication(application: InsurerApplication, options: { idempotencyKey: string }): Promise<IssuanceResult> {
    const operation = 'submit_application';
    const reply = await exchange(this.#settings, { operation, method: 'POST', path: '/v1/policies', body: application, idempotencyKey: options.idempotencyKey });
    const status = field(reply.body, 'status');
    if (reply.status === 200 && status === 'declined') return { status: 'declined', reason: insurerReasonCode(field(reply.body, 'reason')) };
    if ((reply.status !== 200 && reply.status !== 201) || status !== 'issued') throw refusal(this.#settings, operation, reply);
    const fields = replyFields(this.name, operation, reply.body);
    const issued: IssuanceResult = { status: 'issued', policyNumber: fields.text('policyNumber'), issuedAt: fields.instant('issuedAt') };
    const pdf = this.#pdfOf(operation, field(reply.body, 'documentPdfBase64'));
    return pdf ? { ...issued, documentPdf: pdf } : issued;
  }

  async getPolicy(policyNumber: string): Promise<InsurerPolicy | null> {
    const operation = 'get_policy';
    const reply = await exchange(this.#settings, { operation, method: 'GET', path: policyPath(policyNumber) });
    if (reply.status === 404) return null;
    if (reply.status !== 200) throw refusal(this.#settings, operation, reply);
    const fields = replyFields(this.name, operation, reply.body);
    const status = field(reply.body, 'status');
    if (status !== 'in_force' && status !== 'cancelled') throw insurerFailure('insurer_bad_response', 'Insurer answer has no valid status', { insurer: this.name, operation, reason: 'invalid_status' });
    return {
      policyNumber: fields.text('policyNumber'),
      status,
      productCode: fields.text('productCode'),
      planCode: fields.text('planCode'),
      coverStart: fields.day('coverStart'),
      coverEnd: fields.day('coverEnd'),
      premiumFen: fields.fen('premiumFen'),
      issuedAt: fields.instant('issuedAt'),
      cancelledAt: fields.optionalInstant('cancelledAt'),
      refundFen: fields.optionalFen('refundFen'),
      endorsementNumbers: fields.texts('endorsementNumbers'),
    };
  }

  async cancelPolicy(request: CancellationRequest): Promise<CancellationResult> {
    const operation = 'cancel_policy';
    const reply = await exchange(this.#settings, {
      operation,
      method: 'POST',
      path: `${policyPath(request.policyNumber)}/cancellations`,
      body: { effectiveDate: request.effectiveDate },
      idempotencyKey: request.idempotencyKey,
    });
    if (reply.status !== 200 && reply.status !== 201) throw refusal(this.#settings, operation, reply);
    const fields = replyFields(this.name, operation, reply.body);
    return { refundFen: fields.fen('refundFen'), cancelledAt: fields.instant('cancelledAt') };
  }

  async previewCancellation(request: Omit<CancellationRequest, 'idempotencyKey'>): Promise<{ refundFen: number }> {
    const operation = 'preview_cancellation';
    const reply = await exchange(this.#settings, {
      operation,
      method: 'POST',
      path: `${policyPath(request.policyNumber)}/cancellation-quote`,
      body: { effectiveDate: request.effectiveDate },
    });
    if (reply.status !== 200) throw refusal(this.#settings, operation, reply);
    return { refundFen: replyFields(this.name, operation, reply.body).fen('refundFen') };
  }

  async endorseDates(request: DateEndorsementRequest): Promise<EndorsementResult> {
    const operation = 'endorse_dates';
    const reply = await exchange(this.#settings, {
      operation,
      method: 'POST',
      path: `${policyPath(request.policyNumber)}/endorsements`,
      body: { newStartDate: request.newStartDate, newEndDate: request.newEndDate, premiumDifferenceFen: request.premiumDifferenceFen },
      idempotencyKey: request.idempotencyKey,
    });
    if (reply.status !== 200 && reply.status !== 201) throw refusal(this.#settings, operation, reply);
    const fields = replyFields(this.name, operation, reply.body);
    return { endorsementNumber: fields.text('endorsementNumber'), effectiveAt: fields.instant('effectiveAt') };
  }

  /** The schedule is optional, but when sent it must be a PDF: a broken file is worse than none. */
  #pdfOf(operation: string, value: unknown): Buffer | undefined {
    if (value === undefined || value === null) return undefined;
    const pdf = typeof value === 'string' ? Buffer.from(value, 'base64') : Buffer.alloc(0);
    if (pdf.subarray(0, 5).toString('latin1') === '%PDF-') return pdf;
    throw insurerFailure('insurer_bad_response', 'Insurer sent a policy document that is not a PDF', { insurer: this.name, operation, reason: 'invalid_documentPdfBase64' });
  }
}

function policyPath(policyNumber: string): string {
  return `/v1/policies/${encodeURIComponent(policyNumber)}`;
}
