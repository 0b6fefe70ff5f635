import { SaxesParser } from 'saxes';
import type { RemoteFile } from './webdav';

/** One `response` of a multistatus answer, from the properties whose propstat said 200. */
export interface DavResource {
  href: string;
  collection: boolean;
  etag: string | null;
  size: number | null;
  modified: number | null;
}

const DAV = 'DAV:';
type Property = 'getetag' | 'getcontentlength' | 'getlastmodified';
const PROPERTIES = new Set<string>(['getetag', 'getcontentlength', 'getlastmodified']);

const statusCode = (line: string): number | null => Number(/^\s*HTTP\/[\d.]+\s+(\d{3})/.exec(line)?.[1]) || null;

/**
 * Reads a 207 Multi-Status body. Elements are told apart by namespace, not by prefix: servers
 * write DAV: as `D:`, `d:`, `lp1:` or as the default namespace, and put their own properties
 * (Nextcloud's `oc:`) beside them. Each element counts only where the spec puts it, so an
 * `href` inside some other property is not taken for the resource's. Throws on XML that is
 * not well-formed.
 */
export function parseMultistatus(xml: string): DavResource[] {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const resources: DavResource[] = [];
  // DAV: elements by their local name, others by {namespace}name, so that they match nothing.
  const open: string[] = [];
  let text = '';
  let response: { href: string; status: number | null; found: Partial<Record<Property, string>>; collection: boolean } | null = null;
  let propstat: { status: number | null; found: Partial<Record<Property, string>>; collection: boolean } | null = null;

  parser.on('opentag', (tag) => {
    const name = tag.uri === DAV ? tag.local : `{${tag.uri}}${tag.local}`;
    const parent = open.at(-1);
    open.push(name);
    text = '';
    if (name === 'response' && parent === 'multistatus') response = { href: '', status: null, found: {}, collection: false };
    else if (name === 'propstat' && parent === 'response') propstat = { status: null, found: {}, collection: false };
    else if (name === 'collection' && parent === 'resourcetype' && open.at(-3) === 'prop' && propstat) propstat.collection = true;
  });
  parser.on('text', (chunk) => {
    text += chunk;
  });
  parser.on('cdata', (chunk) => {
    text += chunk;
  });
  parser.on('closetag', () => {
    const name = open.pop();
    const parent = open.at(-1);
    if (parent === 'prop' && propstat && name && PROPERTIES.has(name)) propstat.found[name as Property] = text.trim();
    else if (name === 'status' && parent === 'propstat' && propstat) propstat.status = statusCode(text);
    else if (name === 'status' && parent === 'response' && response) response.status = statusCode(text);
    else if (name === 'href' && parent === 'response' && response) response.href = text.trim();
    else if (name === 'propstat' && response && propstat) {
      if (propstat.status === 200) {
        Object.assign(response.found, propstat.found);
        response.collection ||= propstat.collection;
      }
      propstat = null;
    } else if (name === 'response' && parent === 'multistatus' && response) {
      // A response with a status of its own and no properties reports a failure, not a resource.
      if (response.href && (response.status === null || response.status === 200)) resources.push(resource(response));
      response = null;
    }
    text = '';
  });
  parser.write(xml).close();
  return resources;
}

function resource(response: { href: string; found: Partial<Record<Property, string>>; collection: boolean }): DavResource {
  const { getetag, getcontentlength, getlastmodified } = response.found;
  const size = getcontentlength === undefined || getcontentlength === '' ? NaN : Number(getcontentlength);
  const modified = getlastmodified === undefined ? NaN : Date.parse(getlastmodified);
  return {
    href: response.href,
    collection: response.collection,
    etag: getetag || null,
    size: Number.isSafeInteger(size) && size >= 0 ? size : null,
    modified: Number.isNaN(modified) ? null : modified,
  };
}

function decodedSegments(href: string, base: string): string[] {
  return new URL(href, base).pathname.split('/').filter(Boolean).map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
}

/**
 * The files of a Depth 1 listing of `folderUrl`: its own entry and sub-collections left out.
 * Hrefs are compared decoded, since servers differ in what they percent-encode. A Depth 1
 * answer holds nothing but the folder and its children, so a file's name is the last segment
 * of its href, whatever path a proxy in front of the server rewrote before it. Every file
 * must have an ETag: without one no write could be made conditional.
 */
export function parseFolderListing(xml: string, folderUrl: string): RemoteFile[] {
  const folder = decodedSegments(folderUrl, folderUrl).join('/');
  const files: RemoteFile[] = [];
  for (const entry of parseMultistatus(xml)) {
    const segments = decodedSegments(entry.href, folderUrl);
    const name = segments.at(-1);
    if (entry.collection || !name || segments.join('/') === folder) continue;
    if (entry.etag === null) throw new Error(`The server gave no ETag for ${name}`);
    files.push({ name, etag: entry.etag, size: entry.size ?? 0, modified: entry.modified });
  }
  return files;
}
