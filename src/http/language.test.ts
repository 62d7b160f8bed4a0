import { describe, expect, it } from 'vitest';
import { negotiateLanguage } from './language.ts';

describe('language negotiation', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-TW', 'zh-CN'],
    ['fr-FR, en;q=0.5', 'en'],
    ['fr-FR, de', 'zh-CN'],
    ['en;q=0.3, zh-CN;q=0.8', 'zh-CN'],
    ['zh;q=0, en', 'en'],
    ['EN', 'en'],
  ])('R-PLAT-1 Accept-Language %j gives %s', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });
});
