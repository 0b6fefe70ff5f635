import { normalizeHost } from '../settings/hosts';

/** A site the user works on for clients, beyond the catalogue: tracked like a platform. */
export interface CustomSite {
  /** `site:<host>`: the platform id of its sessions. */
  id: `site:${string}`;
  name: string;
  host: string;
  /** `host/path/{account}/*`: where the URL names the account; null when it never does. */
  accountPattern: string | null;
}

export type CustomSiteProblem = 'name-empty' | 'host-invalid' | 'host-duplicate' | 'host-in-catalogue' | 'pattern-no-placeholder' | 'pattern-other-host';

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function isHostname(host: string): boolean {
  return HOSTNAME.test(host);
}

/** Compiles `host/path/{account}/*` into a regex over `host/path?query` (no scheme, no `www.`). */
export function compileAccountPattern(pattern: string): RegExp {
  const body = pattern
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '')
    .split(/(\{account\}|\*)/)
    .map((part) => (part === '{account}' ? '([^/?#]+)' : part === '*' ? '.*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}`);
}

export function validateCustomSite(
  input: { name: string; host: string; accountPattern: string },
  existing: readonly CustomSite[],
  isCatalogueHost: (host: string) => boolean,
): { ok: true; site: CustomSite } | { ok: false; problems: CustomSiteProblem[] } {
  const problems: CustomSiteProblem[] = [];
  const name = input.name.trim();
  const host = normalizeHost(input.host).replace(/^www\./, '');
  const pattern = input.accountPattern.trim();
  if (!name) problems.push('name-empty');
  if (!isHostname(host)) problems.push('host-invalid');
  else if (existing.some((s) => s.host === host)) problems.push('host-duplicate');
  else if (isCatalogueHost(host)) problems.push('host-in-catalogue');
  if (pattern) {
    if (!pattern.includes('{account}')) problems.push('pattern-no-placeholder');
    const patternHost = normalizeHost(pattern).replace(/^www\./, '');
    if (isHostname(host) && patternHost !== host && !patternHost.endsWith(`.${host}`)) problems.push('pattern-other-host');
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, site: { id: `site:${host}`, name, host, accountPattern: pattern || null } };
}

/** The match patterns that give the extension access to a custom site (and its subdomains). */
export function sitePermissionOrigins(host: string): string[] {
  return [`https://${host}/*`, `https://*.${host}/*`];
}
