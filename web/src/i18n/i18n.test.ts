import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';

type Leaves = Map<string, unknown>;

// Flattens nested resources into "a.b.c" → value, so drift is reported key by key.
function collectLeaves(node: unknown, prefix = '', into: Leaves = new Map()): Leaves {
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node)) {
      collectLeaves(value, prefix ? `${prefix}.${key}` : key, into);
    }
  } else {
    into.set(prefix, node);
  }
  return into;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

const resources = { 'zh-CN': collectLeaves(zhCN), en: collectLeaves(en) };

describe('i18n resources', () => {
  it('R-PLAT-1 English resources cover every zh-CN key', () => {
    const zhKeys = [...resources['zh-CN'].keys()].sort();
    const enKeys = [...resources.en.keys()].sort();
    expect(zhKeys.length).toBeGreaterThan(0);
    expect(enKeys.filter((key) => !resources['zh-CN'].has(key))).toEqual([]);
    expect(zhKeys.filter((key) => !resources.en.has(key))).toEqual([]);
  });

  it('R-PLAT-1 every translation is a non-empty string', () => {
    for (const [language, leaves] of Object.entries(resources)) {
      for (const [key, value] of leaves) {
        expect(typeof value, `${language}:${key}`).toBe('string');
        expect(String(value).trim(), `${language}:${key}`).not.toBe('');
      }
    }
  });

  it('R-PLAT-1 both languages use the same interpolation placeholders', () => {
    for (const [key, zhValue] of resources['zh-CN']) {
      const enValue = resources.en.get(key);
      expect(placeholders(String(enValue)), key).toEqual(placeholders(String(zhValue)));
    }
  });

  it('R-PLAT-1 the language switch names the other language in its own script', () => {
    expect(zhCN.language.switchText).toBe('English');
    expect(en.language.switchText).toBe('中文');
  });
});
