import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../../errors/app-error.ts';
import { CONSENT_COOKIE, parseConsentCookie } from '../../../privacy/consent/cookies/consent-cookie.ts';
import type { DocumentKind } from '../../../shared/policy-documents.ts';
import { decideOnDocument, recordDocumentShown } from '../../../privacy/notices/decide-on-document.ts';
import { customerStanding, noticeDocuments, visitorStanding } from '../../../privacy/notices/document-standing.ts';
import { effectiveVersion } from '../../../privacy/notices/effective-version.ts';
import { diffVersions, listPublishedVersions, previousPublishedVersion, publishedVersion } from '../../../privacy/notices/published-versions.ts';
import {
  DocumentKindSchema,
  DocumentParams,
  RenderedVersionSchema,
  StandingSchema,
  VersionDiffSchema,
  VersionMetaSchema,
  VersionParams,
  presentDiff,
  presentRenderedVersion,
  presentStanding,
  presentVersionMeta,
  renderSettingsOf,
} from '../document-presenters.ts';

const Answer = Type.Object({ document: Type.Enum(noticeDocuments), version: Type.Integer({ minimum: 1 }) });

/**
 * The privacy policy, user agreement and cookie policy as published (R-UPD-1): the version in effect,
 * every earlier and scheduled one, and what changed between two. Drafts never leave the console.
 * And the change notice: where the person stands with each document, and their answer.
 */
export const documentRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const db = () => fastify.services.database.db;
  const settings = () => renderSettingsOf(fastify.services.config);
  const currentNumber = async (document: DocumentKind) => (await effectiveVersion(db(), document))?.version ?? null;
  const visitorIdOf = (cookies: Record<string, string | undefined>) => parseConsentCookie(cookies[CONSENT_COOKIE])?.visitorId ?? null;

  fastify.get(
    '/api/site/documents/notices',
    { schema: { tags: ['site'], summary: 'Where the visitor or signed-in customer stands with each updated document', response: { 200: Type.Object({ documents: Type.Array(StandingSchema) }) } } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const actor = request.actor;
      const visitorId = visitorIdOf(request.cookies);
      const standings = await Promise.all(
        noticeDocuments.map((document) => (actor.type === 'customer' ? customerStanding(db(), actor.id, document) : visitorStanding(db(), document, visitorId))),
      );
      return { documents: standings.flatMap((standing) => (standing ? [presentStanding(settings(), standing)] : [])) };
    },
  );

  fastify.post(
    '/api/site/documents/notices/shown',
    { schema: { tags: ['site'], summary: 'Record that the change notice was shown', body: Answer, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await recordDocumentShown(request.ctx('legal_obligation'), db(), request.body);
      return reply.code(204).send(null);
    },
  );

  fastify.post(
    '/api/site/documents/notices/decision',
    {
      schema: {
        tags: ['site'],
        summary: 'Accept, decline or acknowledge the version in effect',
        body: Type.Object({ ...Answer.properties, action: Type.Union([Type.Literal('accepted'), Type.Literal('declined'), Type.Literal('acknowledged')]) }),
        response: { 200: StandingSchema },
      },
    },
    async (request) => {
      const standing = await decideOnDocument(request.ctx('legal_obligation'), db(), { ...request.body, visitorId: visitorIdOf(request.cookies) });
      return presentStanding(settings(), standing);
    },
  );

  fastify.get(
    '/api/site/documents/:document',
    {
      schema: {
        tags: ['site'],
        summary: 'The version in effect and the list of all published versions',
        params: DocumentParams,
        response: { 200: Type.Object({ current: RenderedVersionSchema, versions: Type.Array(VersionMetaSchema), standing: Type.Union([StandingSchema, Type.Null()]) }) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const { document } = request.params;
      const versions = await listPublishedVersions(db(), document);
      const current = await effectiveVersion(db(), document);
      if (!current) throw new AppError('not_found', `No version of ${document} is in effect`);
      const actor = request.actor;
      const standing = actor.type === 'customer' ? await customerStanding(db(), actor.id, document) : null;
      return {
        current: presentRenderedVersion(settings(), current, current.version),
        versions: versions.map((version) => presentVersionMeta(settings(), version, current.version)),
        standing: standing ? presentStanding(settings(), standing) : null,
      };
    },
  );

  fastify.get(
    '/api/site/documents/:document/versions/:version',
    { schema: { tags: ['site'], summary: 'One published version', params: VersionParams, response: { 200: RenderedVersionSchema } } },
    async (request) => {
      const { document, version } = request.params;
      return presentRenderedVersion(settings(), await publishedVersion(db(), document, version), await currentNumber(document));
    },
  );

  fastify.get(
    '/api/site/documents/:document/diff',
    {
      schema: {
        tags: ['site'],
        summary: 'What changed between two published versions (by default: the one in effect and the one before it)',
        params: Type.Object({ document: DocumentKindSchema }),
        querystring: Type.Object({ from: Type.Optional(Type.Integer({ minimum: 1 })), to: Type.Optional(Type.Integer({ minimum: 1 })) }),
        response: { 200: VersionDiffSchema },
      },
    },
    async (request) => {
      const { document } = request.params;
      const current = await currentNumber(document);
      const toNumber = request.query.to ?? current;
      if (toNumber === null) throw new AppError('not_found', `No version of ${document} is in effect`);
      const after = await publishedVersion(db(), document, toNumber);
      const before = request.query.from === undefined ? await previousPublishedVersion(db(), document, after.version) : await publishedVersion(db(), document, request.query.from);
      return presentDiff(settings(), before, after, diffVersions(settings(), before, after), current);
    },
  );
};
