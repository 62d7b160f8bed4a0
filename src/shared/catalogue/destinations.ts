/**
 * Where a trip can go, and which rating zones each destination belongs to. Shared by the server
 * (quotes and filters) and the web app (the destination picker). A destination is a country or
 * region code (ISO 3166-1 alpha-2); its region decides the zones that contain it.
 */

export const ZONES = ['domestic', 'asia', 'schengen', 'europe', 'worldwide_ex_us_ca', 'worldwide'] as const;
export type Zone = (typeof ZONES)[number];

type Region = 'domestic' | 'asia' | 'schengen' | 'europe_other' | 'north_america' | 'oceania' | 'other';

const zoneRegions: Record<Zone, readonly Region[]> = {
  domestic: ['domestic'],
  asia: ['asia'],
  schengen: ['schengen'],
  europe: ['schengen', 'europe_other'],
  worldwide_ex_us_ca: ['asia', 'schengen', 'europe_other', 'oceania', 'other'],
  worldwide: ['asia', 'schengen', 'europe_other', 'north_america', 'oceania', 'other'],
};

/** Narrower zones are cheaper: a trip is priced in the narrowest zone of a product that contains it. */
export const zoneBreadth: Record<Zone, number> = { domestic: 0, asia: 1, schengen: 1, europe: 2, worldwide_ex_us_ca: 3, worldwide: 4 };

export const zoneNames: Record<Zone, { zh: string; en: string }> = {
  domestic: { zh: '中国境内（不含港澳台）', en: 'Mainland China' },
  asia: { zh: '亚洲（含港澳台）', en: 'Asia (incl. Hong Kong, Macao, Taiwan)' },
  schengen: { zh: '申根国家', en: 'Schengen area' },
  europe: { zh: '欧洲', en: 'Europe' },
  worldwide_ex_us_ca: { zh: '全球（不含美国、加拿大）', en: 'Worldwide excl. USA and Canada' },
  worldwide: { zh: '全球', en: 'Worldwide' },
};

export interface Destination {
  code: string;
  zh: string;
  en: string;
  region: Region;
}

const list: ReadonlyArray<[code: string, zh: string, en: string, region: Region]> = [
  ['CN', '中国大陆', 'Mainland China', 'domestic'],
  ['HK', '中国香港', 'Hong Kong, China', 'asia'],
  ['MO', '中国澳门', 'Macao, China', 'asia'],
  ['TW', '中国台湾', 'Taiwan, China', 'asia'],
  ['JP', '日本', 'Japan', 'asia'],
  ['KR', '韩国', 'South Korea', 'asia'],
  ['TH', '泰国', 'Thailand', 'asia'],
  ['SG', '新加坡', 'Singapore', 'asia'],
  ['MY', '马来西亚', 'Malaysia', 'asia'],
  ['VN', '越南', 'Vietnam', 'asia'],
  ['ID', '印度尼西亚', 'Indonesia', 'asia'],
  ['PH', '菲律宾', 'Philippines', 'asia'],
  ['KH', '柬埔寨', 'Cambodia', 'asia'],
  ['MV', '马尔代夫', 'Maldives', 'asia'],
  ['LK', '斯里兰卡', 'Sri Lanka', 'asia'],
  ['FR', '法国', 'France', 'schengen'],
  ['DE', '德国', 'Germany', 'schengen'],
  ['IT', '意大利', 'Italy', 'schengen'],
  ['ES', '西班牙', 'Spain', 'schengen'],
  ['PT', '葡萄牙', 'Portugal', 'schengen'],
  ['NL', '荷兰', 'Netherlands', 'schengen'],
  ['BE', '比利时', 'Belgium', 'schengen'],
  ['AT', '奥地利', 'Austria', 'schengen'],
  ['CH', '瑞士', 'Switzerland', 'schengen'],
  ['GR', '希腊', 'Greece', 'schengen'],
  ['CZ', '捷克', 'Czechia', 'schengen'],
  ['HR', '克罗地亚', 'Croatia', 'schengen'],
  ['SE', '瑞典', 'Sweden', 'schengen'],
  ['NO', '挪威', 'Norway', 'schengen'],
  ['DK', '丹麦', 'Denmark', 'schengen'],
  ['FI', '芬兰', 'Finland', 'schengen'],
  ['IS', '冰岛', 'Iceland', 'schengen'],
  ['GB', '英国', 'United Kingdom', 'europe_other'],
  ['IE', '爱尔兰', 'Ireland', 'europe_other'],
  ['RS', '塞尔维亚', 'Serbia', 'europe_other'],
  ['TR', '土耳其', 'Türkiye', 'other'],
  ['AE', '阿联酋', 'United Arab Emirates', 'other'],
  ['EG', '埃及', 'Egypt', 'other'],
  ['ZA', '南非', 'South Africa', 'other'],
  ['MX', '墨西哥', 'Mexico', 'other'],
  ['BR', '巴西', 'Brazil', 'other'],
  ['AU', '澳大利亚', 'Australia', 'oceania'],
  ['NZ', '新西兰', 'New Zealand', 'oceania'],
  ['US', '美国', 'United States', 'north_america'],
  ['CA', '加拿大', 'Canada', 'north_america'],
];

export const DESTINATIONS: readonly Destination[] = list.map(([code, zh, en, region]) => ({ code, zh, en, region }));
const byCode = new Map(DESTINATIONS.map((destination) => [destination.code, destination]));

export function destinationOf(code: string): Destination | undefined {
  return byCode.get(code.toUpperCase());
}

export function zoneContains(zone: Zone, destination: Destination): boolean {
  return zoneRegions[zone].includes(destination.region);
}

/** The narrowest of `zones` that contains every destination, or null when none does. */
export function narrowestZone(zones: readonly Zone[], destinations: readonly Destination[]): Zone | null {
  const covering = zones.filter((zone) => destinations.every((destination) => zoneContains(zone, destination)));
  covering.sort((a, b) => zoneBreadth[a] - zoneBreadth[b] || ZONES.indexOf(a) - ZONES.indexOf(b));
  return covering[0] ?? null;
}
