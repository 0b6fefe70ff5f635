/**
 * URL patterns as users write them: `facebook.com/groups/boulangerie*` or
 * `business.facebook.com/latest/*asset_id=1122`. A pattern matches the start of the URL
 * without its scheme and without a leading `www.`; `*` stands for any run of characters;
 * case does not matter.
 */
export function normalizeUrlForPattern(url: string): string | null {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
    return `${host}${parsed.pathname}${parsed.search}`.toLowerCase();
  } catch {
    return null;
  }
}

export function normalizePattern(pattern: string): string {
  return pattern
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '');
}

export function compileUrlPattern(pattern: string): RegExp {
  const body = normalizePattern(pattern)
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}`);
}

/** Why a pattern cannot be used, or null when it can. */
export function urlPatternProblem(pattern: string): 'empty' | 'no-host' | null {
  const normalized = normalizePattern(pattern);
  if (normalized.replace(/\*/g, '').length === 0) return 'empty';
  const host = normalized.split('/')[0] ?? '';
  if (!host.includes('.') || host.startsWith('*')) return 'no-host';
  return null;
}
