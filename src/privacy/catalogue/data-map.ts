import { eq } from 'drizzle-orm';
import '../../db/schema.ts';
import type { DbOrTx } from '../../db/types.ts';
import { recipients } from '../disclosures/schema.ts';
import type { Purpose } from '../access/context.ts';
import { dataCategories, legalBases, type DataCategory, type LegalBasis } from './categories.ts';
import { columnCatalogue, type PersonalColumn } from './classify.ts';
import { retentionRules, type RetentionRule } from './retention-rules.ts';

export interface DataMapEntry {
  category: DataCategory;
  name: { zh: string; en: string };
  isSensitive: boolean;
  /** Every column holding it, each with its own purposes, basis and retention. */
  storedIn: Array<{ table: string; column: string; storedAs: PersonalColumn['storedAs']; purposes: Purpose[]; basis: LegalBasis; retention: RetentionRule }>;
  purposes: Purpose[];
  bases: Array<{ basis: LegalBasis; zh: string; en: string }>;
  retention: Array<{ rule: RetentionRule; zh: string; en: string }>;
  /** Third parties the registry lets receive this category (filled by withRecipients). */
  recipients: string[];
}

/**
 * The record of processing activities (RoPA), generated from the column catalogue: for every
 * category of personal information, where it is stored and how, why, on what basis, for how long.
 * Generated, so it cannot drift from what the database really holds.
 */
export function buildDataMap(): DataMapEntry[] {
  const byCategory = new Map<DataCategory, DataMapEntry>();
  for (const [table, columns] of columnCatalogue) {
    for (const [column, classification] of columns) {
      if (classification.kind !== 'personal') continue;
      const entry = byCategory.get(classification.category) ?? emptyEntry(classification.category);
      entry.storedIn.push({ table, column, storedAs: classification.storedAs, purposes: [...classification.purposes], basis: classification.basis, retention: classification.retention });
      for (const purpose of classification.purposes) if (!entry.purposes.includes(purpose)) entry.purposes.push(purpose);
      if (!entry.bases.some((b) => b.basis === classification.basis)) entry.bases.push({ basis: classification.basis, ...legalBases[classification.basis] });
      if (!entry.retention.some((r) => r.rule === classification.retention)) entry.retention.push({ rule: classification.retention, zh: retentionRules[classification.retention].zh, en: retentionRules[classification.retention].en });
      byCategory.set(classification.category, entry);
    }
  }
  return [...byCategory.values()].sort((a, b) => a.category.localeCompare(b.category));
}

function emptyEntry(category: DataCategory): DataMapEntry {
  const definition = dataCategories[category];
  return { category, name: { zh: definition.zh, en: definition.en }, isSensitive: definition.sensitive, storedIn: [], purposes: [], bases: [], retention: [], recipients: [] };
}

/**
 * The data map with, for each category, the active recipients the disclosure registry lets receive it
 * (whether their agreement is in force is checked at each disclosure, and shown by the console).
 */
export async function buildDataMapWithRecipients(db: DbOrTx): Promise<DataMapEntry[]> {
  const registry = await db.select({ name: recipients.name, categories: recipients.categories }).from(recipients).where(eq(recipients.status, 'active'));
  return buildDataMap().map((entry) => ({ ...entry, recipients: registry.filter((recipient) => recipient.categories.includes(entry.category)).map((recipient) => recipient.name).sort() }));
}
