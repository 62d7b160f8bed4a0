import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Language } from '../../errors/error-codes.ts';
import type { Ctx } from '../access/context.ts';
import { documentVersions } from '../notices/schema.ts';
import { groupOf, managedPurposes, type DocumentConsentView, type MyConsents, type PurposeConsentView } from '../../shared/consents.ts';
import { documentKinds, type DocumentKind } from '../../shared/policy-documents.ts';
import { consentPurposes, type ConsentPurposeKey } from './consent-purposes.ts';
import { purposeNotice, withdrawalEffectOf } from './purpose-notices.ts';
import { consentRecords, consentState } from './schema.ts';

const HISTORY_LIMIT = 200;

const documentTitles: Record<DocumentKind, Record<Language, string>> = {
  privacy_policy: { 'zh-CN': '隐私政策', en: 'Privacy policy' },
  user_agreement: { 'zh-CN': '用户协议', en: 'User agreement' },
  cookie_policy: { 'zh-CN': 'Cookie 政策', en: 'Cookie policy' },
};

/** The signed-in customer's own consent subject: consents are never read or changed for someone else here. */
export function ownConsentSubject(ctx: Ctx): string {
  if (ctx.actor.type !== 'customer') throw new AppError('unauthorized', 'Customer session required for consents');
  return ctx.actor.id;
}

/**
 * The 授权管理 page (R-RGT-4, R-USE-2): every purpose with the current answer, when it was given and
 * to which wording; every document answered to, with its version and text hash; and the history of
 * decisions, newest first — all in the language of the request.
 */
export async function listMyConsents(ctx: Ctx, language: Language, db: DbOrTx): Promise<MyConsents<Date>> {
  const subjectId = ownConsentSubject(ctx);
  const states = await db
    .select({ matter: consentState.matter, granted: consentState.granted, version: consentState.version, at: consentRecords.at, textHash: consentRecords.textHash, action: consentRecords.action, channel: consentRecords.channel })
    .from(consentState)
    .innerJoin(consentRecords, eq(consentRecords.id, consentState.recordId))
    .where(eq(consentState.subjectId, subjectId));
  const byMatter = new Map(states.map((state) => [state.matter, state]));

  const purposes = managedPurposes.map((purpose): PurposeConsentView<Date> => {
    const notice = purposeNotice(purpose, language);
    const state = byMatter.get(`purpose:${purpose}`);
    return {
      purpose,
      group: groupOf(purpose),
      essential: consentPurposes[purpose].essential,
      ...notice,
      withdrawalEffect: withdrawalEffectOf(purpose, language),
      granted: state?.granted ?? null,
      decidedAt: state?.at ?? null,
      decidedVersion: state?.version ?? null,
      decidedTextHash: state?.textHash ?? null,
      decidedChannel: state?.channel ?? null,
    };
  });

  const documents: DocumentConsentView<Date>[] = [];
  for (const document of documentKinds) {
    const state = byMatter.get(`document:${document}`);
    if (!state) continue;
    const version = state.version === null ? undefined : await publishedVersion(db, document, state.version);
    documents.push({
      document,
      title: version ? (language === 'en' ? version.titleEn : version.titleZh) : documentTitles[document][language],
      action: state.action,
      version: state.version,
      textHash: version?.textHash ?? state.textHash,
      at: state.at,
      channel: state.channel,
    });
  }

  const records = await db.select().from(consentRecords).where(eq(consentRecords.subjectId, subjectId)).orderBy(desc(consentRecords.at), desc(consentRecords.id)).limit(HISTORY_LIMIT);
  const history = records.map((record) => ({
    id: record.id,
    matter: record.matter,
    label: labelOf(record.matter, language),
    action: record.action,
    channel: record.channel,
    version: record.version,
    textHash: record.textHash,
    actedBy: record.actedBy,
    at: record.at,
  }));
  return { purposes, documents, history };
}

async function publishedVersion(db: DbOrTx, document: DocumentKind, version: number) {
  const [row] = await db
    .select({ titleZh: documentVersions.titleZh, titleEn: documentVersions.titleEn, textHash: documentVersions.textHash })
    .from(documentVersions)
    .where(and(eq(documentVersions.document, document), eq(documentVersions.version, version), eq(documentVersions.status, 'published')));
  return row;
}

/** A matter key (`purpose:marketing_sms`, `document:privacy_policy`) in words. */
export function labelOf(matter: string, language: Language): string {
  const [kind, name = ''] = matter.split(':');
  if (kind === 'document' && name in documentTitles) return documentTitles[name as DocumentKind][language];
  if (kind === 'purpose' && name in consentPurposes) {
    const purpose = consentPurposes[name as ConsentPurposeKey];
    return language === 'en' ? purpose.en : purpose.zh;
  }
  return matter;
}
