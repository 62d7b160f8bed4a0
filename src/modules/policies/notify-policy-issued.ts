import type { Db } from '../../db/types.ts';
import type { EmailProvider } from '../../integrations/email/email-provider.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { checkDisclosure, recipientOfIntegration, recordDisclosure, type DisclosureRequest } from '../../privacy/disclosures/disclose.ts';
import { readParties } from '../orders/order-parties.ts';
import { loadIssuanceOrder } from './issuance-order.ts';

export interface NotifyDeps {
  db: Db;
  keyring: Keyring;
  email: EmailProvider;
  publicUrl: string;
}

/**
 * Tells the policyholder their policy is issued (a service message, not marketing: no consent
 * needed, no unsubscribe), by e-mail when the application asked for an address. The message names
 * the product and the policy number and nothing else of the application. An e-mail service outside
 * the platform receives the address as a disclosure, checked and recorded like any other.
 */
export async function notifyPolicyIssued(ctx: Ctx, deps: NotifyDeps, issued: { orderId: string; policyNumber: string }): Promise<'sent' | 'no_address'> {
  const loaded = await loadIssuanceOrder(deps.db, issued.orderId);
  if (!loaded) return 'no_address';
  const { order, product } = loaded;
  const holder = (await readParties(ctx, deps, order.id, ['email'])).find((party) => party.role === 'policyholder');
  const address = holder?.values.email;
  if (!address) return 'no_address';
  const disclosure = await emailDisclosure(ctx, deps, (order.customerId ?? order.guestId) as string);
  const link = `${deps.publicUrl}/account/insurance`;
  const isEnglish = order.language === 'en';
  await deps.email.send({
    to: address,
    subject: isEnglish ? `Your policy is issued: ${product.nameEn}` : `您的保单已出单：${product.nameZh}`,
    text: isEnglish
      ? `Your ${product.nameEn} policy is issued. Policy number: ${issued.policyNumber}.\nSee it and download the e-policy under My insurance: ${link}`
      : `您投保的「${product.nameZh}」已出单，保单号：${issued.policyNumber}。\n请在「我的保险」中查看并下载电子保单：${link}`,
  });
  if (disclosure) await recordDisclosure(ctx, deps.db, disclosure);
  return 'sent';
}

async function emailDisclosure(ctx: Ctx, deps: NotifyDeps, subjectKey: string): Promise<DisclosureRequest | null> {
  const integration = deps.email.recipientIntegration;
  if (!integration) return null;
  const recipientId = (await recipientOfIntegration(deps.db, integration)) ?? `unregistered:${integration}`;
  const request: DisclosureRequest = { recipientId, subjectKey, fields: [{ name: 'email', category: 'contact.email' }], purpose: 'policy_service', basis: 'contract' };
  await checkDisclosure(ctx, deps.db, request);
  return request;
}
