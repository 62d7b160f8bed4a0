import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentKinds } from '../../shared/policy-documents.ts';
import { loadInitialText, parseTextFile, textsDirectory } from './initial-texts.ts';
import { unknownPlaceholders } from './placeholders.ts';
import { renderDocument } from './render-document.ts';

describe('version 1 texts', () => {
  it('R-UPD-1 front matter gives the title and change summary; the rest is the body', () => {
    const parsed = parseTextFile('\uFEFF---\r\ntitle: 隐私政策\r\nsummary: "首次发布。"\r\n---\r\n\r\n# 隐私政策\r\n\r\n正文。\r\n');
    expect(parsed).toEqual({ title: '隐私政策', summary: '首次发布。', body: '# 隐私政策\n\n正文。\n' });
    expect(parseTextFile('# Only a heading\n\nText.')).toEqual({ title: 'Only a heading', summary: '', body: '# Only a heading\n\nText.\n' });
  });

  const shipped = fs.existsSync(textsDirectory);
  it.skipIf(!shipped)('R-UPD-1 R-PLAT-2 every shipped text loads in both languages and uses only placeholders the renderer fills', () => {
    const settings = {
      operator: { companyName: '某某保险经纪有限公司', address: '北京市某区某路 1 号', hotline: '400-000-0000', icpNumber: null, licenceNumber: null, piContact: { name: '个人信息保护负责人', email: 'dpo@example.cn', phone: '400-000-0000' } },
      publicUrl: 'https://example.cn',
    };
    for (const document of documentKinds) {
      const text = loadInitialText(document);
      expect(text, document).not.toBeNull();
      if (!text) continue;
      expect(text.titleZh.trim(), document).not.toBe('');
      expect(text.titleEn.trim(), document).not.toBe('');
      for (const value of Object.values(text)) expect(unknownPlaceholders(value), document).toEqual([]);
      const rendered = renderDocument(settings, { ...text, id: 'dv_x', document, version: 1, status: 'published', material: false, narrowsRights: false, textHash: 'x', publishedAt: new Date(), effectiveAt: new Date(), createdBy: 'system', createdAt: new Date(), updatedAt: new Date() });
      expect(rendered.zh.body, document).toContain('某某保险经纪有限公司');
      expect(rendered.zh.body + rendered.en.body, document).not.toContain('{{');
    }
  });
});
