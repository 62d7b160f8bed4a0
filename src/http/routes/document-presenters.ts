import { Type } from 'typebox';
import type { Config } from '../../config/load-config.ts';
import { documentKinds } from '../../shared/policy-documents.ts';
import type { DocumentStanding } from '../../privacy/notices/document-standing.ts';
import type { DocumentVersion } from '../../privacy/notices/effective-version.ts';
import type { RenderSettings } from '../../privacy/notices/placeholders.ts';
import type { VersionDiff } from '../../privacy/notices/published-versions.ts';
import { renderDocument } from '../../privacy/notices/render-document.ts';

// Schemas and presenters of policy documents, shared by the site and the console routes.

export const DocumentKindSchema = Type.Enum(documentKinds);
export const DocumentParams = Type.Object({ document: DocumentKindSchema });
export const VersionParams = Type.Object({ document: DocumentKindSchema, version: Type.Integer({ minimum: 1, maximum: 100_000 }) });

const DateTime = Type.String({ format: 'date-time' });
const NullableDateTime = Type.Union([DateTime, Type.Null()]);
const RenderedText = Type.Object({ title: Type.String(), summary: Type.String(), body: Type.String() });

/** A version without its text, for lists. `phase` says where it stands in time. */
export const VersionMetaSchema = Type.Object({
  document: Type.String(),
  version: Type.Integer(),
  status: Type.Union([Type.Literal('draft'), Type.Literal('published')]),
  phase: Type.Union([Type.Literal('draft'), Type.Literal('scheduled'), Type.Literal('current'), Type.Literal('earlier')]),
  titleZh: Type.String(),
  titleEn: Type.String(),
  summaryZh: Type.String(),
  summaryEn: Type.String(),
  material: Type.Boolean(),
  narrowsRights: Type.Boolean(),
  textHash: Type.Union([Type.String(), Type.Null()]),
  publishedAt: NullableDateTime,
  effectiveAt: NullableDateTime,
});

/** A version as people read it: both languages, placeholders filled from configuration. */
export const RenderedVersionSchema = Type.Object({ ...VersionMetaSchema.properties, zh: RenderedText, en: RenderedText });

const DiffPart = Type.Object({ kind: Type.Union([Type.Literal('same'), Type.Literal('added'), Type.Literal('removed')]), text: Type.String() });
const DiffLineSchema = Type.Object({
  kind: Type.Union([Type.Literal('same'), Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed')]),
  text: Type.Optional(Type.String()),
  oldLine: Type.Optional(Type.Integer()),
  newLine: Type.Optional(Type.Integer()),
  parts: Type.Optional(Type.Array(DiffPart)),
});
export const VersionDiffSchema = Type.Object({
  from: Type.Union([VersionMetaSchema, Type.Null()]),
  to: VersionMetaSchema,
  zh: Type.Array(DiffLineSchema),
  en: Type.Array(DiffLineSchema),
});

export const StandingSchema = Type.Object({
  document: Type.String(),
  state: Type.Union([Type.Literal('current'), Type.Literal('acknowledge'), Type.Literal('consent'), Type.Literal('declined')]),
  current: VersionMetaSchema,
  inForce: Type.Integer(),
  requiresConsent: Type.Boolean(),
  decidedAt: NullableDateTime,
  changes: Type.Array(
    Type.Object({ version: Type.Integer(), effectiveAt: DateTime, material: Type.Boolean(), narrowsRights: Type.Boolean(), summaryZh: Type.String(), summaryEn: Type.String() }),
  ),
});

export function renderSettingsOf(config: Config): RenderSettings {
  return { operator: config.operator, publicUrl: config.server.publicUrl };
}

export function presentVersionMeta(settings: RenderSettings, version: DocumentVersion, currentVersion: number | null) {
  const rendered = renderDocument(settings, version);
  const phase =
    version.status === 'draft' ? 'draft' : currentVersion !== null && version.version > currentVersion ? 'scheduled' : version.version === currentVersion ? 'current' : currentVersion === null ? 'scheduled' : 'earlier';
  return {
    document: version.document,
    version: version.version,
    status: version.status,
    phase,
    titleZh: rendered.zh.title,
    titleEn: rendered.en.title,
    summaryZh: rendered.zh.summary,
    summaryEn: rendered.en.summary,
    material: version.material,
    narrowsRights: version.narrowsRights,
    textHash: version.textHash,
    publishedAt: version.publishedAt?.toISOString() ?? null,
    effectiveAt: version.effectiveAt?.toISOString() ?? null,
  } as const;
}

export function presentRenderedVersion(settings: RenderSettings, version: DocumentVersion, currentVersion: number | null) {
  return { ...presentVersionMeta(settings, version, currentVersion), ...renderDocument(settings, version) };
}

export function presentDiff(settings: RenderSettings, before: DocumentVersion | null, after: DocumentVersion, diff: VersionDiff, currentVersion: number | null) {
  return { from: before ? presentVersionMeta(settings, before, currentVersion) : null, to: presentVersionMeta(settings, after, currentVersion), zh: diff.zh, en: diff.en };
}

export function presentStanding(settings: RenderSettings, standing: DocumentStanding) {
  return {
    document: standing.document,
    state: standing.state,
    current: presentVersionMeta(settings, standing.current, standing.current.version),
    inForce: standing.inForce,
    requiresConsent: standing.requiresConsent,
    decidedAt: standing.decidedAt?.toISOString() ?? null,
    changes: standing.changes.map((change) => ({ ...change, effectiveAt: change.effectiveAt.toISOString() })),
  };
}
