import { describe, expect, it } from 'vitest';
import { sameVersion } from '../../../lib/sync/etag';
import { parseFolderListing, parseMultistatus } from '../../../lib/sync/propfind';

// Apache 2.4 mod_dav_fs, as it answers the client's PROPFIND: DAV: as both D: and lp1:.
const APACHE = `<?xml version="1.0" encoding="utf-8"?>
<D:multistatus xmlns:D="DAV:">
<D:response xmlns:lp2="http://apache.org/dav/props/" xmlns:lp1="DAV:">
<D:href>/dav/social-hours/</D:href>
<D:propstat>
<D:prop>
<lp1:resourcetype><D:collection/></lp1:resourcetype>
<lp1:getlastmodified>Mon, 30 Nov 2026 18:40:15 GMT</lp1:getlastmodified>
<lp1:getetag>"1000-66182bda8dde3"</lp1:getetag>
</D:prop>
<D:status>HTTP/1.1 200 OK</D:status>
</D:propstat>
</D:response>
<D:response xmlns:lp1="DAV:">
<D:href>/dav/social-hours/device-a.bin</D:href>
<D:propstat>
<D:prop>
<lp1:resourcetype/>
<lp1:getcontentlength>2048</lp1:getcontentlength>
<lp1:getlastmodified>Mon, 30 Nov 2026 18:40:15 GMT</lp1:getlastmodified>
<lp1:getetag>"800-66182bda8dde3"</lp1:getetag>
</D:prop>
<D:status>HTTP/1.1 200 OK</D:status>
</D:propstat>
</D:response>
<D:response xmlns:lp1="DAV:">
<D:href>/dav/social-hours/old%20stuff/</D:href>
<D:propstat>
<D:prop>
<lp1:resourcetype><D:collection/></lp1:resourcetype>
<lp1:getetag>"1000-66182bda00000"</lp1:getetag>
</D:prop>
<D:status>HTTP/1.1 200 OK</D:status>
</D:propstat>
</D:response>
<D:response xmlns:lp1="DAV:">
<D:href>/dav/social-hours/r%c3%a9sum%c3%a9.bin</D:href>
<D:propstat>
<D:prop>
<lp1:resourcetype/>
<lp1:getcontentlength>0</lp1:getcontentlength>
<lp1:getlastmodified>Mon, 30 Nov 2026 18:40:16 GMT</lp1:getlastmodified>
<lp1:getetag>W/"0-66182bdb00000"</lp1:getetag>
</D:prop>
<D:status>HTTP/1.1 200 OK</D:status>
</D:propstat>
</D:response>
</D:multistatus>
`;

// Nextcloud (sabre/dav): d: prefix, quotes as entities, its own oc:/nc: properties beside
// DAV:'s, a 404 propstat for what a folder lacks, and an href encoded differently from
// the address the person typed (%40 for @).
const NEXTCLOUD = `<?xml version="1.0"?>
<d:multistatus xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:oc="http://owncloud.org/ns" xmlns:nc="http://nextcloud.org/ns">
 <d:response>
  <d:href>/remote.php/dav/files/jane%40example.com/Social%20Hours/</d:href>
  <d:propstat>
   <d:prop>
    <d:resourcetype><d:collection/></d:resourcetype>
    <d:getlastmodified>Mon, 30 Nov 2026 10:00:00 GMT</d:getlastmodified>
    <d:getetag>&quot;6569a1b2c3d4e&quot;</d:getetag>
    <oc:size>4096</oc:size>
   </d:prop>
   <d:status>HTTP/1.1 200 OK</d:status>
  </d:propstat>
  <d:propstat>
   <d:prop><d:getcontentlength/></d:prop>
   <d:status>HTTP/1.1 404 Not Found</d:status>
  </d:propstat>
 </d:response>
 <d:response>
  <d:href>/remote.php/dav/files/jane%40example.com/Social%20Hours/device-b.bin</d:href>
  <d:propstat>
   <d:prop>
    <d:resourcetype/>
    <d:getlastmodified>Mon, 30 Nov 2026 09:59:58 GMT</d:getlastmodified>
    <d:getcontentlength>4096</d:getcontentlength>
    <d:getetag>&quot;9f2c0a0e1b7d4c3f8e6a5b4c3d2e1f00&quot;</d:getetag>
    <oc:fileid>00000042ocabcdef</oc:fileid>
    <oc:permissions>RGDNVW</oc:permissions>
    <nc:has-preview>false</nc:has-preview>
   </d:prop>
   <d:status>HTTP/1.1 200 OK</d:status>
  </d:propstat>
 </d:response>
</d:multistatus>`;

// Prefixes no server in particular uses: DAV: as the default namespace and as ns0:, absolute
// hrefs (one in CDATA), and decoys: elements named like DAV:'s in another namespace, and an
// href inside a property, which is not the resource's.
const WEIRD = `<multistatus xmlns="DAV:" xmlns:ns0="DAV:" xmlns:x="urn:example:decoy">
  <ns0:response>
    <ns0:href>https://dav.example.com:8443/a/b/</ns0:href>
    <ns0:propstat><ns0:prop><ns0:getetag>"folder"</ns0:getetag></ns0:prop><ns0:status>HTTP/1.1 200 OK</ns0:status></ns0:propstat>
  </ns0:response>
  <response>
    <href><![CDATA[https://dav.example.com:8443/a/b/file-1.bin]]></href>
    <propstat>
      <prop>
        <resourcetype><x:collection/></resourcetype>
        <x:getetag>"decoy"</x:getetag>
        <owner><href>/principals/jane/</href></owner>
        <getetag>  "strong-1"  </getetag>
        <getcontentlength>12</getcontentlength>
      </prop>
      <status>HTTP/1.1 200 OK</status>
    </propstat>
    <propstat>
      <prop><getlastmodified/></prop>
      <status>HTTP/1.1 404 Not Found</status>
    </propstat>
  </response>
  <x:response><x:href>/a/b/decoy.bin</x:href></x:response>
  <ns0:response>
    <ns0:href>/a/b/gone.bin</ns0:href>
    <ns0:status>HTTP/1.1 404 Not Found</ns0:status>
  </ns0:response>
</multistatus>`;

describe('parseFolderListing', () => {
  it.each([
    ['Apache', APACHE, 'https://127.0.0.1:8443/dav/social-hours/', [
      { name: 'device-a.bin', etag: '"800-66182bda8dde3"', size: 2048, modified: Date.UTC(2026, 10, 30, 18, 40, 15) },
      { name: 'résumé.bin', etag: 'W/"0-66182bdb00000"', size: 0, modified: Date.UTC(2026, 10, 30, 18, 40, 16) },
    ]],
    ['Nextcloud', NEXTCLOUD, 'https://cloud.example.com/remote.php/dav/files/jane@example.com/Social Hours/', [
      { name: 'device-b.bin', etag: '"9f2c0a0e1b7d4c3f8e6a5b4c3d2e1f00"', size: 4096, modified: Date.UTC(2026, 10, 30, 9, 59, 58) },
    ]],
    ['odd prefixes', WEIRD, 'https://dav.example.com:8443/a/b/', [
      { name: 'file-1.bin', etag: '"strong-1"', size: 12, modified: null },
    ]],
  ])('%s: the files only, ETags verbatim', (_server, xml, folderUrl, files) => {
    expect(parseFolderListing(xml, folderUrl)).toEqual(files);
  });

  it('leaves out the folder itself even when the server does not call it a collection', () => {
    const xml = APACHE.replace('<lp1:resourcetype><D:collection/></lp1:resourcetype>', '');
    expect(parseFolderListing(xml, 'https://127.0.0.1:8443/dav/social-hours/').map((f) => f.name)).toEqual(['device-a.bin', 'résumé.bin']);
  });

  it('refuses a file without an ETag: none of its writes could be conditional', () => {
    const xml = APACHE.replace('<lp1:getetag>"800-66182bda8dde3"</lp1:getetag>', '');
    expect(() => parseFolderListing(xml, 'https://127.0.0.1:8443/dav/social-hours/')).toThrow(/no ETag for device-a.bin/);
  });

  it.each([
    ['not XML', 'Internal Server Error'],
    ['cut short', APACHE.slice(0, 400)],
    ['an unbound prefix', '<D:multistatus></D:multistatus>'],
  ])('throws on %s', (_what, xml) => {
    expect(() => parseMultistatus(xml)).toThrow();
  });
});

describe('parseMultistatus', () => {
  it('reads a Depth 0 answer about one file', () => {
    expect(parseMultistatus(APACHE).filter((r) => r.href === '/dav/social-hours/device-a.bin')).toEqual([
      { href: '/dav/social-hours/device-a.bin', collection: false, etag: '"800-66182bda8dde3"', size: 2048, modified: Date.UTC(2026, 10, 30, 18, 40, 15) },
    ]);
  });
});

describe('sameVersion', () => {
  it.each([
    ['"a"', '"a"', true],
    ['W/"a"', '"a"', true],
    ['W/"a"', 'W/"a"', true],
    ['"a"', '"b"', false],
    ['W/"a"', '"A"', false],
  ])('%s and %s: %s', (a, b, same) => {
    expect(sameVersion(a, b)).toBe(same);
  });
});
