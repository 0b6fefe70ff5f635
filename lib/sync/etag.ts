/**
 * RFC 9110's weak comparison: the same tag whether or not either side is marked W/. Apache
 * reports a file's ETag as weak for about a second after each write, then the same tag as
 * strong, so two ETags that differ only by W/ are one version of the file.
 */
export const sameVersion = (a: string, b: string): boolean => strongForm(a) === strongForm(b);

export const isWeak = (etag: string): boolean => etag.startsWith('W/');

/**
 * The tag without its W/: what If-Match needs, since it compares strongly and a weak tag never
 * matches. The version a listing called weak is matched by it once the server calls it strong.
 */
export const strongForm = (etag: string): string => etag.replace(/^W\//, '');
