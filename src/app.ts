import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { registerApiDocs } from './http/plugins/api-docs.ts';
import { registerErrorHandling } from './http/plugins/error-handling.ts';
import { registerMetrics } from './http/plugins/metrics.ts';
import { registerRequestLogging } from './http/plugins/request-logging.ts';
import { registerSecurity } from './http/plugins/security.ts';
import { registerWebApp } from './http/plugins/web-app.ts';
import { healthRoutes } from './http/routes/health.ts';
import { operatorRoutes } from './http/routes/site/operator.ts';
import { accountRoutes } from './http/routes/site/account.ts';
import { consentRoutes } from './http/routes/site/consents.ts';
import { marketingRoutes } from './http/routes/site/marketing.ts';
import { consoleCampaignRoutes } from './http/routes/console/campaigns.ts';
import { profileRoutes } from './http/routes/site/profile.ts';
import { orderRoutes } from './http/routes/site/orders.ts';
import { paymentRoutes } from './http/routes/site/payments.ts';
import { partnerPaymentRoutes } from './http/routes/partner/payments.ts';
import { consoleOrderRoutes } from './http/routes/console/orders.ts';
import { policyCancellationRoutes } from './http/routes/site/policy-cancellation.ts';
import { dateChangeRoutes } from './http/routes/site/date-change.ts';
import { refundRoutes } from './http/routes/site/refunds.ts';
import { policyRoutes } from './http/routes/site/policies.ts';
import { verifyRoutes } from './http/routes/site/verify.ts';
import { draftRoutes } from './http/routes/site/drafts.ts';
import { authRoutes } from './http/routes/site/auth.ts';
import { sessionRoutes } from './http/routes/site/session.ts';
import { cookieConsentRoutes } from './http/routes/site/cookie-consent.ts';
import { documentRoutes } from './http/routes/site/documents.ts';
import { consoleDocumentRoutes } from './http/routes/console/documents.ts';
import { registerCsrf } from './http/plugins/csrf.ts';
import { registerSessions } from './http/plugins/sessions.ts';
import { registerConsoleGuard } from './http/plugins/console-guard.ts';
import { registerGuardianGuard } from './http/plugins/guardian-guard.ts';
import { minorsRoutes } from './http/routes/site/minors.ts';
import { consoleAuthRoutes } from './http/routes/console/auth.ts';
import { consoleSessionRoutes } from './http/routes/console/session.ts';
import { consoleStaffRoutes } from './http/routes/console/staff.ts';
import { consoleCustomerRoutes } from './http/routes/console/customers.ts';
import { consolePrivacyRoutes } from './http/routes/console/privacy.ts';
import { consoleRecipientRoutes } from './http/routes/console/recipients.ts';
import { consoleAlertRoutes } from './http/routes/console/alerts.ts';
import { consoleRetentionRoutes } from './http/routes/console/retention.ts';
import { consoleMinorsRoutes } from './http/routes/console/minors.ts';
import { catalogueRoutes } from './http/routes/site/catalogue.ts';
import { consoleCatalogueRoutes } from './http/routes/console/catalogue.ts';
import { ProblemSchema } from './http/problem-schema.ts';
import type { AppServices } from './http/services.ts';
import { alertSettings } from './privacy/audit/access-alerts.ts';

/**
 * The application as one Fastify plugin, in three tiers: external wiring (security, docs), the app's
 * shared services (errors, logging, metrics), then the routes. server.ts and the tests register it on
 * a Fastify instance made by createFastify().
 */
async function app(fastify: FastifyInstance, services: AppServices): Promise<void> {
  fastify.decorate('services', services);
  // Process-wide thresholds of the audit's unusual-access alerts.
  Object.assign(alertSettings, services.config.alerts);

  await registerSecurity(fastify, services.config);
  await registerApiDocs(fastify, services.config);

  registerErrorHandling(fastify);
  registerRequestLogging(fastify);
  registerMetrics(fastify, services.config);
  registerSessions(fastify, services.config);
  registerCsrf(fastify, services.config);
  registerConsoleGuard(fastify);
  registerGuardianGuard(fastify);
  fastify.addSchema(ProblemSchema);

  await fastify.register(healthRoutes);
  await fastify.register(operatorRoutes);
  await fastify.register(sessionRoutes);
  await fastify.register(authRoutes);
  await fastify.register(accountRoutes);
  await fastify.register(minorsRoutes);
  await fastify.register(consentRoutes);
  await fastify.register(marketingRoutes);
  await fastify.register(consoleCampaignRoutes);
  await fastify.register(profileRoutes);
  await fastify.register(orderRoutes);
  await fastify.register(paymentRoutes);
  await fastify.register(partnerPaymentRoutes);
  await fastify.register(consoleOrderRoutes);
  await fastify.register(policyCancellationRoutes);
  await fastify.register(dateChangeRoutes);
  await fastify.register(refundRoutes);
  await fastify.register(policyRoutes);
  await fastify.register(verifyRoutes);
  await fastify.register(draftRoutes);
  await fastify.register(cookieConsentRoutes);
  await fastify.register(documentRoutes);
  await fastify.register(consoleDocumentRoutes);
  await fastify.register(consoleSessionRoutes);
  await fastify.register(consoleAuthRoutes);
  await fastify.register(consoleStaffRoutes);
  await fastify.register(consoleCustomerRoutes);
  await fastify.register(consolePrivacyRoutes);
  await fastify.register(consoleRecipientRoutes);
  await fastify.register(consoleAlertRoutes);
  await fastify.register(consoleRetentionRoutes);
  await fastify.register(consoleMinorsRoutes);
  await fastify.register(catalogueRoutes);
  await fastify.register(consoleCatalogueRoutes);
  await registerWebApp(fastify, services.webRoot, services.config);
}

// fastify-plugin: the error handler, hooks and decorations apply to the whole instance.
export default fp(app, { name: 'besttrav-app', fastify: '5.x' });
