import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentSlugs, type DocumentKind } from '../../shared/policy-documents.ts';
import type { DocumentContent } from './document-text.ts';

export const textsDirectory = path.join(path.dirname(fileURLToPath(import.meta.url)), 'texts');

/** A markdown file with `title:` and `summary:` front matter between `---` lines. */
export interface TextFile {
  title: string;
  summary: string;
  body: string;
}

/**
 * The shipped version-1 text of a document (texts/<slug>.zh-CN.md and .en.md), or null when either
 * language is missing — then nothing is published for that document until someone does it in the console.
 */
export function loadInitialText(document: DocumentKind, directory: string = textsDirectory): DocumentContent | null {
  const read = (language: string): TextFile | null => {
    const file = path.join(directory, `${documentSlugs[document]}.${language}.md`);
    return fs.existsSync(file) ? parseTextFile(fs.readFileSync(file, 'utf8')) : null;
  };
  const zh = read('zh-CN');
  const en = read('en');
  if (!zh || !en) return null;
  return { titleZh: zh.title, titleEn: en.title, summaryZh: zh.summary, summaryEn: en.summary, bodyZh: zh.body, bodyEn: en.body };
}

export function parseTextFile(source: string): TextFile {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const fence = /^---\n([^]*?)\n---\n?/.exec(text);
  const meta = new Map<string, string>();
  for (const line of (fence?.[1] ?? '').split('\n')) {
    const match = /^([A-Za-z]+)\s*:\s*(.*)$/.exec(line);
    if (match) meta.set(match[1] as string, unquote((match[2] as string).trim()));
  }
  const body = (fence ? text.slice(fence[0].length) : text).trim();
  // Without a title in the front matter, the first heading is the title.
  const heading = /^#\s+(.+)$/m.exec(body)?.[1]?.trim();
  return { title: meta.get('title') ?? heading ?? '', summary: meta.get('summary') ?? '', body: `${body}\n` };
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}
