import type { InsurerAdapter } from './insurer/insurer-adapter.ts';
import type { PaymentProvider } from './payment/payment-provider.ts';

/**
 * The partners a purchase needs (R-POL-8, R-POL-9): the payment provider, and the adapter of each
 * insurer by its catalogue code. In demo mode both are the simulators, started with the server.
 */
export interface PurchaseIntegrations {
  payment: PaymentProvider;
  /** The adapter for the insurer with this catalogue code; throws when none is configured. */
  insurerFor(insurerCode: string): InsurerAdapter;
  /** The site's public address, for payment return and notification URLs and the e-policy QR code. */
  publicUrl: string;
  /** Stops simulators started with the server (after the jobs stopped). */
  close(): Promise<void>;
}
