import { ROUNDING_CHOICES, type ClientRecord, type ContractTerm, type RuleRecord } from '../../../../lib/db/records';
import { PLATFORM_IDS } from '../../../../lib/platforms/catalogue';
import { HOLIDAY_COUNTRIES } from '../../../../lib/settings/holiday-countries';
import { DEFAULT_SETTINGS, type Settings } from '../../../../lib/settings/settings';
import type { DatedSettings } from '../../../../lib/settings/settings-storage';

/** Records of every shape the forms allow, with text that is hard to count and to cut: accents, `<`, U+2028, emoji, quotes. */
export type Random = () => number;

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
export const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

const PIECES = ['a', 'Z', ' ', 'é', 'ß', '<', '>', '&', '"', '\\', '\n', '\u2028', '\u2029', '😀', '👩‍💻', '中', 'ﬁ', '\t', "'", '/'];

export function text(random: Random, max: number, min = 0): string {
  let out = '';
  const length = int(random, min, max);
  // Emoji count for two: stop before the limit rather than cut one.
  while (out.length < length) {
    const piece = pick(random, PIECES);
    if (out.length + piece.length > max) break;
    out += piece;
  }
  return out.length >= min ? out : out + 'x'.repeat(min - out.length);
}

const date = (random: Random) => `20${int(random, 20, 29)}-${String(int(random, 1, 12)).padStart(2, '0')}-${String(int(random, 1, 28)).padStart(2, '0')}`;

function term(random: Random): ContractTerm {
  const period = pick(random, ['none', 'day', 'week', 'month'] as const);
  const max = { none: 100, day: 24, week: 168, month: 744 }[period];
  return {
    from: date(random),
    period,
    hours: Math.round(random() * max * 4) / 4,
    ...(random() < 0.5 ? { carryOver: { enabled: random() < 0.5, capMinutes: int(random, 0, 600) } } : {}),
  };
}

export function randomClient(random: Random, id: string, at: number, terms = int(random, 0, 4)): ClientRecord {
  return {
    id,
    name: text(random, 80, 1).trim() || 'Client',
    color: `#${int(random, 0, 0xffffff).toString(16).padStart(6, '0')}`,
    archived: random() < 0.2,
    createdAt: at - int(random, 0, 1_000_000),
    updatedAt: at,
    contracts: Array.from({ length: terms }, () => term(random)),
    ...(random() < 0.7 ? { hourlyRate: random() < 0.2 ? null : Math.round(random() * 20_000) / 100 } : {}),
    ...(random() < 0.5 ? { rates: Array.from({ length: int(random, 0, 3) }, () => ({ from: date(random), hourlyRate: random() < 0.2 ? null : int(random, 0, 300) })) } : {}),
    ...(random() < 0.7 ? { currency: pick(random, ['EUR', 'USD', 'CHF']) } : {}),
    ...(random() < 0.5 ? { roundingMinutes: pick(random, ROUNDING_CHOICES) } : {}),
    ...(random() < 0.6 ? { details: text(random, 1000) } : {}),
  };
}

export function randomRule(random: Random, id: string, clientId: string, at: number): RuleRecord {
  const base = { id, clientId, createdAt: at - int(random, 0, 1_000_000), updatedAt: at };
  const shape = random();
  if (shape < 0.5) return { ...base, platform: pick(random, PLATFORM_IDS), account: text(random, 40, 1).replace(/[\n\t\u2028\u2029]/g, 'x').trim() || 'account', urlPattern: null };
  if (shape < 0.7) return { ...base, platform: pick(random, PLATFORM_IDS), account: null, urlPattern: null };
  return { ...base, platform: null, account: null, urlPattern: `shop-${int(random, 1, 99)}.example.com/${pick(random, ['', 'a/*', 'b/c'])}` };
}

export function randomSettings(random: Random, at: number, leave = int(random, 0, 20)): DatedSettings {
  const host = () => `${pick(random, ['mastodon', 'social', 'toot', 'fedi'])}${int(random, 1, 999)}.example`;
  const hosts = [...new Set(Array.from({ length: int(random, 0, 4) }, host))];
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    countMedia: random() < 0.5,
    disabledPlatforms: PLATFORM_IDS.filter(() => random() < 0.2),
    mastodonServers: hosts,
    customSites: hosts.slice(0, 2).map((h) => ({ id: `site:shop.${h}` as const, name: text(random, 30, 1).trim() || 'Shop', host: `shop.${h}`, accountPattern: random() < 0.5 ? null : `shop.${h}/{account}/*` })),
    workingDays: [1, 2, 3, 4, 5, 6, 0].filter((_, i) => i === 0 || random() < 0.7) as Settings['workingDays'],
    holidayCountry: pick(random, HOLIDAY_COUNTRIES),
    leave: Array.from({ length: leave }, () => {
      const from = date(random);
      return { from, to: from };
    }),
    language: pick(random, ['auto', 'en', 'fr'] as const),
    reportShowAmount: random() < 0.5,
    reportSender: text(random, 300),
  };
  return { settings, updatedAt: at };
}
