import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../../../errors/app-error.ts';
import { changePhone } from '../../../modules/accounts/profile/change-phone.ts';
import { editOwnProfile } from '../../../modules/accounts/profile/edit-own-profile.ts';
import { requestPhoneChangeCodes } from '../../../modules/accounts/profile/request-phone-change-codes.ts';
import { requestRevealCode } from '../../../modules/accounts/profile/request-reveal-code.ts';
import { revealIdNumber } from '../../../modules/accounts/profile/reveal-id-number.ts';
import { viewOwnProfile } from '../../../modules/accounts/profile/view-own-profile.ts';
import { profileChangeChannels } from '../../../modules/accounts/profile/schema.ts';
import { ID_DOCUMENT_TYPES } from '../../../shared/identity-documents.ts';
import { GENDERS } from '../../../shared/profile-fields.ts';
import { negotiateLanguage } from '../../language.ts';
import { requireCustomer } from '../../plugins/sessions.ts';

// Null first: with type coercion on, a string branch tried first would turn null into "".
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([Type.Null(), schema]);
// Generous limits here; the domain checks the real ones and explains them per field.
const Text = (maxLength: number) => Type.Optional(nullable(Type.String({ maxLength })));
const Phone = Type.String({ minLength: 5, maxLength: 32, description: 'Mainland mobile number, any common format' });
const Code = Type.String({ pattern: '^\\d{6}$' });
const CodeRequested = Type.Object({ expiresInSeconds: Type.Integer(), resendAfterSeconds: Type.Integer(), demoCode: Type.Optional(Type.String()) });
const IdType = Type.Enum(ID_DOCUMENT_TYPES);
const DateTime = Type.String({ format: 'date-time' });

const Profile = Type.Object({
  name: nullable(Type.String()),
  gender: nullable(Type.Enum(GENDERS)),
  company: nullable(Type.String()),
  idDocument: nullable(Type.Object({ type: IdType, issuingCountry: nullable(Type.String()), numberMasked: Type.String() })),
  email: nullable(Type.String()),
  address: nullable(Type.String()),
  otherInfo: nullable(Type.String()),
  phoneMasked: Type.String(),
  sensitivePiConsent: Type.Object({ granted: Type.Boolean(), notice: Type.Object({ version: Type.Integer(), text: Type.String() }) }),
  updatedAt: nullable(DateTime),
  changes: Type.Array(Type.Object({ at: DateTime, fields: Type.Array(Type.String()), by: Type.Enum(['self', 'staff', 'system']), channel: Type.Enum(profileChangeChannels) })),
});

const ProfileEdit = Type.Object({
  name: Text(200),
  gender: Type.Optional(nullable(Type.Enum(GENDERS))),
  company: Text(400),
  idDocument: Type.Optional(
    nullable(Type.Object({ type: IdType, number: Type.String({ maxLength: 64 }), issuingCountry: Type.Optional(nullable(Type.String({ maxLength: 8 }))) })),
  ),
  email: Text(400),
  address: Text(800),
  otherInfo: Text(2000),
  sensitivePiConsent: Type.Optional(Type.Object({ version: Type.Integer({ minimum: 1 }) }, { description: 'The consent box the person ticked, with the version of its wording' })),
});

/**
 * The 个人信息 page of the signed-in customer (R-ACC-4). Personal information travels only in
 * bodies, never in addresses; answers are never cached.
 */
export const profileRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const deps = () => ({ db: fastify.services.database.db, keyring: fastify.services.keyring });
  const depsWithSms = () => ({ ...deps(), sms: fastify.services.sms });

  async function presentProfile(request: FastifyRequest) {
    const profile = await viewOwnProfile(request.ctx('account'), negotiateLanguage(request.headers['accept-language']), deps());
    return {
      ...profile,
      updatedAt: profile.updatedAt?.toISOString() ?? null,
      changes: profile.changes.map((change) => ({ ...change, at: change.at.toISOString() })),
    };
  }

  fastify.get(
    '/api/site/account/profile',
    { schema: { tags: ['site'], summary: 'My 个人信息: fields, masked document and phone, consent state, edit history', response: { 200: Profile } } },
    async (request, reply) => {
      requireCustomer(request);
      reply.header('cache-control', 'no-store');
      return presentProfile(request);
    },
  );

  fastify.post(
    '/api/site/account/profile',
    {
      schema: {
        tags: ['site'],
        summary: 'Change the fields given (null clears one); an identity document needs the sensitive_pi consent',
        body: ProfileEdit,
        response: { 200: Type.Object({ changedFields: Type.Array(Type.String()), profile: Profile }) },
      },
    },
    async (request, reply) => {
      requireCustomer(request);
      reply.header('cache-control', 'no-store');
      const language = negotiateLanguage(request.headers['accept-language']);
      const { changedFields } = await editOwnProfile(request.ctx('account'), request.body, { language, channel: 'web' }, deps());
      return { changedFields, profile: await presentProfile(request) };
    },
  );

  fastify.post(
    '/api/site/account/profile/phone/codes',
    {
      schema: {
        tags: ['site'],
        summary: 'Changing the phone, step 1: codes to the new and to the current number',
        body: Type.Object({ newPhone: Phone }),
        response: { 200: Type.Object({ newPhone: CodeRequested, currentPhone: CodeRequested }) },
      },
    },
    async (request) => {
      requireCustomer(request);
      return pointingAtField(request, 'newPhone', () => requestPhoneChangeCodes(request.ctx('account'), request.body, depsWithSms()));
    },
  );

  fastify.post(
    '/api/site/account/profile/phone',
    {
      schema: {
        tags: ['site'],
        summary: 'Changing the phone, step 2: both codes; other sessions are signed out',
        body: Type.Object({ newPhone: Phone, currentPhoneCode: Code, newPhoneCode: Code }),
        response: { 200: Type.Object({ phoneMasked: Type.String(), otherSessionsEnded: Type.Integer() }) },
      },
    },
    async (request) => {
      const { sessionId } = requireCustomer(request);
      return pointingAtField(request, 'newPhone', () => changePhone(request.ctx('account'), request.body, { channel: 'web', currentSessionId: sessionId }, deps()));
    },
  );

  fastify.post(
    '/api/site/account/profile/id-document/reveal-code',
    { schema: { tags: ['site'], summary: 'Step-up code to the account phone before showing the full document number', response: { 200: CodeRequested } } },
    async (request) => {
      requireCustomer(request);
      return requestRevealCode(request.ctx('account'), depsWithSms());
    },
  );

  fastify.post(
    '/api/site/account/profile/id-document/reveal',
    {
      schema: {
        tags: ['site'],
        summary: 'The full document number, once per fresh step-up code (audited as an unmask)',
        body: Type.Object({ code: Code }),
        response: { 200: Type.Object({ type: IdType, number: Type.String(), issuingCountry: nullable(Type.String()) }) },
      },
    },
    async (request, reply) => {
      requireCustomer(request);
      reply.header('cache-control', 'no-store');
      return pointingAtField(request, 'code', () => revealIdNumber(request.ctx('account'), request.body, deps()));
    },
  );
};

/**
 * Puts a refusal about one input under that input (a JSON pointer, as validation problems have), so
 * the page can show "wrong code" next to the right one of two code fields. The use case names the
 * field in `details.field`; `fallback` takes the refusals about the number itself (invalid_phone).
 */
async function pointingAtField<T>(request: FastifyRequest, fallback: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isAppError(error) || error.errors.length > 0) throw error;
    const field = typeof error.details.field === 'string' ? error.details.field : ['invalid_phone', 'phone_unchanged', 'phone_in_use'].includes(error.code) ? fallback : null;
    if (field === null) throw error;
    const language = negotiateLanguage(request.headers['accept-language']);
    throw new AppError(error.code, error.message, { params: error.params, errors: [{ pointer: `/body/${field}`, detail: error.userMessage(language) }], cause: error });
  }
}
