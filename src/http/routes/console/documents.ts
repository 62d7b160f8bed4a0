import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { effectiveVersion } from '../../../privacy/notices/effective-version.ts';
import { discardDocumentDraft, draftDocumentVersion, editDocumentDraft, getDocumentVersion, listDocumentVersions } from '../../../privacy/notices/manage-document-drafts.ts';
import { publishDocumentVersion } from '../../../privacy/notices/publish-document-version.ts';
import { diffVersions, previousPublishedVersion } from '../../../privacy/notices/published-versions.ts';
import type { DocumentKind } from '../../../shared/policy-documents.ts';
import {
  DocumentParams,
  RenderedVersionSchema,
  VersionDiffSchema,
  VersionMetaSchema,
  VersionParams,
  presentDiff,
  presentRenderedVersion,
  presentVersionMeta,
  renderSettingsOf,
} from '../document-presenters.ts';

const Text = (maxLength: number) => Type.String({ maxLength });
const DraftBody = Type.Object({
  titleZh: Text(200),
  titleEn: Text(200),
  summaryZh: Text(2000),
  summaryEn: Text(2000),
  bodyZh: Text(200_000),
  bodyEn: Text(200_000),
  material: Type.Boolean(),
  narrowsRights: Type.Boolean(),
});
// The stored template as well as the rendered preview: the editor works on the former.
const VersionDetail = Type.Object({ ...RenderedVersionSchema.properties, source: DraftBody });

/**
 * Policy documents in the console (R-UPD-1): the PI-protection officer drafts a version (a copy of the
 * newest), edits and previews it in both languages, compares it with the version before, flags
 * material or rights-narrowing changes, and publishes it now or for a later date. Auditors and
 * administrators may read. Every change is audited; published versions never change.
 */
export const consoleDocumentRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const db = () => fastify.services.database.db;
  const settings = () => renderSettingsOf(fastify.services.config);
  const currentNumber = async (document: DocumentKind) => (await effectiveVersion(db(), document))?.version ?? null;
  const detail = async (version: Awaited<ReturnType<typeof getDocumentVersion>>) => ({
    ...presentRenderedVersion(settings(), version, await currentNumber(version.document)),
    source: {
      titleZh: version.titleZh,
      titleEn: version.titleEn,
      summaryZh: version.summaryZh,
      summaryEn: version.summaryEn,
      bodyZh: version.bodyZh,
      bodyEn: version.bodyEn,
      material: version.material,
      narrowsRights: version.narrowsRights,
    },
  });

  fastify.get('/api/console/documents', { schema: { tags: ['console'], summary: 'Every version of every policy document', response: { 200: Type.Array(VersionMetaSchema) } } }, async (request) => {
    const versions = await listDocumentVersions(request.ctx('legal_obligation'), db());
    const current = new Map<string, number | null>();
    for (const version of versions) if (!current.has(version.document)) current.set(version.document, await currentNumber(version.document));
    return versions.map((version) => presentVersionMeta(settings(), version, current.get(version.document) ?? null));
  });

  fastify.get(
    '/api/console/documents/:document/versions/:version',
    { schema: { tags: ['console'], summary: 'One version with its source and rendered preview', params: VersionParams, response: { 200: VersionDetail } } },
    async (request) => detail(await getDocumentVersion(request.ctx('legal_obligation'), db(), request.params)),
  );

  fastify.post(
    '/api/console/documents/:document/drafts',
    { schema: { tags: ['console'], summary: 'Draft the next version as a copy of the newest one', params: DocumentParams, response: { 201: VersionDetail } } },
    async (request, reply) => reply.code(201).send(await detail(await draftDocumentVersion(request.ctx('legal_obligation'), db(), request.params))),
  );

  fastify.put(
    '/api/console/documents/:document/versions/:version',
    { schema: { tags: ['console'], summary: 'Save a draft', params: VersionParams, body: DraftBody, response: { 200: VersionDetail } } },
    async (request) => detail(await editDocumentDraft(request.ctx('legal_obligation'), db(), request.params, request.body)),
  );

  fastify.delete(
    '/api/console/documents/:document/versions/:version',
    { schema: { tags: ['console'], summary: 'Discard a draft', params: VersionParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await discardDocumentDraft(request.ctx('legal_obligation'), db(), request.params);
      return reply.code(204).send(null);
    },
  );

  fastify.get(
    '/api/console/documents/:document/versions/:version/diff',
    { schema: { tags: ['console'], summary: 'What this version changes against the published version before it', params: VersionParams, response: { 200: VersionDiffSchema } } },
    async (request) => {
      const after = await getDocumentVersion(request.ctx('legal_obligation'), db(), request.params);
      const before = await previousPublishedVersion(db(), after.document, after.version);
      return presentDiff(settings(), before, after, diffVersions(settings(), before, after), await currentNumber(after.document));
    },
  );

  fastify.post(
    '/api/console/documents/:document/versions/:version/publish',
    {
      schema: {
        tags: ['console'],
        summary: 'Publish a draft, in effect now or at a later time',
        params: VersionParams,
        body: Type.Object({ effectiveAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])) }),
        response: { 200: VersionDetail },
      },
    },
    async (request) => {
      const effectiveAt = request.body.effectiveAt ? new Date(request.body.effectiveAt) : null;
      return detail(await publishDocumentVersion(request.ctx('legal_obligation'), db(), { ...request.params, effectiveAt }));
    },
  );
};
