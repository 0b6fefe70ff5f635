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

/**
 * Whether a normalized URL starts with what the pattern describes. Each run of literal text
 * is looked for once, leftmost, after the one before: since the pattern is anchored only at
 * the start, the leftmost place is always the best one, and nothing is ever tried twice. A
 * regular expression built from the pattern backtracks instead, and a pattern with a few
 * stars (from a form or a backup) could stall the background for seconds.
 */
export function matchesUrlPattern(pattern: string, normalizedUrl: string): boolean {
  const [head = '', ...rest] = normalizePattern(pattern).split('*');
  if (!normalizedUrl.startsWith(head)) return false;
  let at = head.length;
  for (const part of rest) {
    const found = normalizedUrl.indexOf(part, at);
    if (found < 0) return false;
    at = found + part.length;
  }
  return true;
}

/** Why a pattern cannot be used, or null when it can. */
export function urlPatternProblem(pattern: string): 'empty' | 'no-host' | null {
  const normalized = normalizePattern(pattern);
  if (normalized.replace(/\*/g, '').length === 0) return 'empty';
  const host = normalized.split('/')[0] ?? '';
  if (!host.includes('.') || host.startsWith('*')) return 'no-host';
  return null;
}
