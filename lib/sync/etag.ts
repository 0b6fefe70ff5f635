/**
 * RFC 9110's weak comparison: the same tag whether or not either side is marked W/. Apache
 * reports a file's ETag as weak for about a second after each write, then the same tag as
 * strong, so two ETags that differ only by W/ are one version of the file.
 */
export const sameVersion = (a: string, b: string): boolean => a.replace(/^W\//, '') === b.replace(/^W\//, '');

export const isWeak = (etag: string): boolean => etag.startsWith('W/');
