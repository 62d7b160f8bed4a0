import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dataCategories, legalBases } from '../catalogue/categories.ts';
import { retentionRules } from '../catalogue/retention-rules.ts';

/*
 * The shipped version-1 texts of the privacy policy, user agreement and cookie policy
 * (texts/README.md). These checks keep the documents from silently drifting from what the platform
 * really does: a data category, legal basis or retention rule added to the catalogue without being
 * described in the privacy policy fails here.
 */

const textsDirectory = path.join(path.dirname(fileURLToPath(import.meta.url)), 'texts');
const documents = ['privacy-policy', 'user-agreement', 'cookie-policy'] as const;
const languages = ['zh-CN', 'en'] as const;
type Language = (typeof languages)[number];

/** The placeholders the renderer fills from configuration (texts/README.md). */
const knownPlaceholders = ['operator.company', 'operator.address', 'operator.hotline', 'operator.privacyEmail', 'operator.privacyContact', 'effectiveDate'];

/** The cookies the site sets (src/http/plugins/sessions.ts, csrf.ts, the consent cookie, web/src/i18n/language.ts). */
const cookieNames = ['bt_sid', 'bt_csrf', 'bt_staff', 'bt_consent', 'bt_lang'];

interface TextFile {
  meta: Map<string, string>;
  body: string;
}

function readText(document: string, language: Language): TextFile {
  const source = fs.readFileSync(path.join(textsDirectory, `${document}.${language}.md`), 'utf8');
  const fence = /^---\n([^]*?)\n---\n/.exec(source);
  if (!fence) throw new Error(`${document}.${language}.md does not start with front matter between --- lines`);
  const meta = new Map<string, string>();
  for (const line of (fence[1] as string).split('\n')) {
    const match = /^([A-Za-z]+):\s*(.*)$/.exec(line);
    if (match) meta.set(match[1] as string, (match[2] as string).trim());
  }
  return { meta, body: source.slice(fence[0].length) };
}

/** Markdown as read: emphasis and escapes removed, so a term in bold or a masked number still matches. */
function plain(text: string): string {
  return text.replace(/\\([\\*_])/g, '$1').replace(/\*\*/g, '');
}

function placeholdersIn(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)].map((match) => match[1] as string);
}

/** The outline of a document: its headings' levels and the column counts of its tables, in order. */
function outline(body: string): string[] {
  return body
    .split('\n')
    .filter((line) => /^#{1,6} /.test(line) || /^\|(\s*:?-+:?\s*\|)+$/.test(line))
    .map((line) => (line.startsWith('#') ? (line.split(' ')[0] as string) : `table:${line.split('|').length - 2}`));
}

const zh = (document: string) => plain(readText(document, 'zh-CN').body);
const en = (document: string) => plain(readText(document, 'en').body);

describe('policy documents, version 1', () => {
  it.each(documents.flatMap((document) => languages.map((language) => [document, language] as const)))(
    'R-UPD-1 %s (%s) has a title and a first-publication summary',
    (document, language) => {
      const { meta, body } = readText(document, language);
      expect(meta.get('title')).toBeTruthy();
      expect(meta.get('summary')).toMatch(language === 'zh-CN' ? /^首次发布/ : /^First publication/);
      // The body opens with the title as its heading (the site drops it under the page title).
      expect(body.trimStart().startsWith(`# ${meta.get('title')}\n`)).toBe(true);
      expect(body).toContain('{{effectiveDate}}');
    },
  );

  it.each(documents.flatMap((document) => languages.map((language) => [document, language] as const)))(
    'R-PLAT-2 %s (%s) uses only placeholders the renderer fills from configuration',
    (document, language) => {
      const source = fs.readFileSync(path.join(textsDirectory, `${document}.${language}.md`), 'utf8');
      const used = placeholdersIn(source);
      expect(used.filter((name) => !knownPlaceholders.includes(name))).toEqual([]);
      // No half-written placeholder is left behind for the reader to see.
      expect(source.replace(/\{\{\s*[^{}]*?\s*\}\}/g, '')).not.toMatch(/\{\{|\}\}/);
      expect(used).toEqual(expect.arrayContaining(['operator.company', 'operator.hotline']));
    },
  );

  it.each(documents)('R-UPD-1 %s: the English text has the same sections and tables as the Chinese', (document) => {
    const zhText = readText(document, 'zh-CN').body;
    const enText = readText(document, 'en').body;
    expect(outline(enText)).toEqual(outline(zhText));
    expect([...new Set(placeholdersIn(enText))].sort()).toEqual([...new Set(placeholdersIn(zhText))].sort());
  });

  it('R-PLAT-2 the privacy policy names the operator, its address and every way to reach the PI-protection officer', () => {
    for (const body of [zh('privacy-policy'), en('privacy-policy')]) {
      for (const placeholder of knownPlaceholders) expect(body).toContain(`{{${placeholder}}}`);
    }
  });

  it('R-STO-1 the privacy policy names every data category of the catalogue, in the words of the catalogue', () => {
    const zhBody = zh('privacy-policy');
    const enBody = en('privacy-policy');
    const missing = Object.entries(dataCategories).flatMap(([key, category]) => [
      ...(zhBody.includes(category.zh) ? [] : [`${key} (zh: ${category.zh})`]),
      ...(enBody.includes(category.en) ? [] : [`${key} (en: ${category.en})`]),
    ]);
    expect(missing).toEqual([]);
  });

  it('R-STO-1 the privacy policy states every retention rule of the catalogue, in the words of the catalogue', () => {
    const zhBody = zh('privacy-policy');
    const enBody = en('privacy-policy').toLowerCase();
    const missing = Object.entries(retentionRules).flatMap(([key, rule]) => [
      ...(zhBody.includes(rule.zh) ? [] : [`${key} (zh: ${rule.zh})`]),
      // Table cells start with a capital: compare without case in English.
      ...(enBody.includes(rule.en.toLowerCase()) ? [] : [`${key} (en: ${rule.en})`]),
    ]);
    expect(missing).toEqual([]);
  });

  it('R-SHR-3 the privacy policy lists every legal basis of PIPL art. 13 the platform models', () => {
    const zhBody = zh('privacy-policy');
    const enBody = en('privacy-policy');
    const missing = Object.entries(legalBases).flatMap(([key, basis]) => [
      ...(zhBody.includes(basis.zh) ? [] : [`${key} (zh)`]),
      ...(enBody.includes(basis.en) ? [] : [`${key} (en)`]),
    ]);
    expect(missing).toEqual([]);
  });

  it('R-USE-3 the cookie policy lists every cookie the site sets, in each language', () => {
    for (const body of [zh('cookie-policy'), en('cookie-policy')]) {
      expect(cookieNames.filter((name) => !body.includes(`| ${name} |`))).toEqual([]);
    }
  });

  it('R-RGT-4 the privacy policy links the self-service pages where people see and withdraw what they agreed to', () => {
    for (const body of [zh('privacy-policy'), en('privacy-policy')]) {
      for (const page of ['/account/profile', '/account/consents', '/account/security', '/account/data-sharing']) expect(body).toContain(`](${page})`);
    }
  });
});
