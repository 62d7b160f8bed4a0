import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../../config/load-config.ts';
import { decideCookieConsent, readCookieConsent } from '../../../privacy/consent/decide-cookie-consent.ts';
import { CONSENT_COOKIE, formatConsentCookie, parseConsentCookie, type ConsentCookie } from '../../../privacy/consent/cookies/consent-cookie.ts';
import { allowanceOf, CONSENT_COOKIE_MAX_AGE, type CookieChoice } from '../../../privacy/consent/cookies/cookie-catalogue.ts';

const Choice = Type.Object({ preferences: Type.Boolean(), analytics: Type.Boolean(), marketing: Type.Boolean() });

const CookieConsentState = Type.Object({
  policyVersion: Type.Union([Type.Integer(), Type.Null()], { description: 'The cookie-policy version in effect; null while none is published' }),
  needsDecision: Type.Boolean({ description: 'Show the banner: no choice yet, or made under an older cookie policy' }),
  choice: Type.Union([Choice, Type.Null()], { description: 'The choice in force; null means nothing optional may be stored' }),
});

/**
 * Cookie consent of this browser (R-USE-3): the choice lives in the necessary bt_consent cookie,
 * each decision is recorded as consent evidence (customer when signed in, else the random visitor id).
 */
export const cookieConsentRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { config } = fastify.services;

  fastify.get(
    '/api/site/cookie-consent',
    { schema: { tags: ['site'], summary: 'This browser’s cookie choice and whether to ask for one', response: { 200: CookieConsentState } } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return readCookieConsent(fastify.services.database.db, consentCookieOf(request));
    },
  );

  fastify.post(
    '/api/site/cookie-consent',
    {
      schema: {
        tags: ['site'],
        summary: 'Accept, reject or choose cookie categories; recorded with the cookie-policy version and the text shown',
        body: Type.Object({
          choice: Choice,
          language: Type.Union([Type.Literal('zh-CN'), Type.Literal('en')], { description: 'Language of the text the person answered' }),
          surface: Type.Union([Type.Literal('banner'), Type.Literal('settings')], { description: 'Where they answered: the banner or the settings dialog' }),
        }),
        response: { 200: CookieConsentState },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const input = { ...request.body, visitorId: consentCookieOf(request)?.visitorId ?? null };
      const { cookie, state } = await decideCookieConsent(request.ctx('legal_obligation'), input, { db: fastify.services.database.db });
      setConsentCookie(reply, cookie, config);
      removeWhatTheChoiceRefuses(request, reply, cookie.choice, config);
      return state;
    },
  );
};

function consentCookieOf(request: FastifyRequest): ConsentCookie | null {
  return parseConsentCookie(request.cookies[CONSENT_COOKIE]);
}

function setConsentCookie(reply: FastifyReply, cookie: ConsentCookie, config: Config): void {
  reply.setCookie(CONSENT_COOKIE, formatConsentCookie(cookie), { path: '/', httpOnly: false, sameSite: 'lax', secure: config.server.isHttps, maxAge: CONSENT_COOKIE_MAX_AGE });
}

/**
 * Declining or withdrawing deletes what is no longer allowed — here every cookie the browser sent,
 * httpOnly ones included, which page scripts could not see; the web app does the same for Web
 * Storage. A preference kept only for the session (bt_lang) is written again without an expiry.
 */
function removeWhatTheChoiceRefuses(request: FastifyRequest, reply: FastifyReply, choice: CookieChoice, config: Config): void {
  for (const [name, value] of Object.entries(request.cookies)) {
    if (name === CONSENT_COOKIE || value === undefined) continue;
    const allowance = allowanceOf('cookie', name, choice);
    if (allowance === 'remove') reply.clearCookie(name, { path: '/' });
    if (allowance === 'session') reply.setCookie(name, value, { path: '/', sameSite: 'lax', secure: config.server.isHttps });
  }
}
