export type FolderUrl =
  | { ok: true; url: string; origin: string; permission: string }
  | { ok: false; problem: 'not-a-url' | 'not-https' | 'has-credentials' | 'has-query' };

/** Plain HTTP carries the password in clear: allowed only to this computer, for a server run on it. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

/**
 * Checks the address of a WebDAV folder as a person typed it. `url` always ends with '/',
 * since the files are addressed relative to it; `permission` is the match pattern to ask
 * `permissions.request` for. It leaves the port out: Firefox accepts no port in a match
 * pattern, and without one Chrome matches any port.
 */
export function parseFolderUrl(text: string): FolderUrl {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, problem: 'not-a-url' };
  }
  // Any other scheme too (davs:, ftp:, or "host:8080" read as a scheme): the fix is the same, https://.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname))) return { ok: false, problem: 'not-https' };
  // The password belongs in the extension's settings, not in an address that gets shown and logged.
  if (url.username || url.password) return { ok: false, problem: 'has-credentials' };
  if (url.search) return { ok: false, problem: 'has-query' };
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return { ok: true, url: url.href, origin: url.origin, permission: `${url.protocol}//${url.hostname}/*` };
}
