import { describe, expect, it } from 'vitest';
import { createDavClient, DavError, type DavClient } from '../../../lib/sync/webdav';

// What Apache can't be made to answer in the browser tests: other statuses, other servers' habits, broken bodies.
const FOLDER = 'https://dav.example.com/remote.php/dav/files/jane/Social%20Hours/';
type Answer = (url: string, init: RequestInit) => Response | Promise<Response>;

function client(answer: Answer, timeoutMs?: number): { dav: DavClient; requests: Array<{ url: string; init: RequestInit }> } {
  const requests: Array<{ url: string; init: RequestInit }> = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    requests.push({ url: String(input), init });
    return answer(String(input), init);
  }) as typeof globalThis.fetch;
  return { dav: createDavClient({ folderUrl: FOLDER, username: 'jane', password: 'pässwörd', fetch, timeoutMs }), requests };
}

const multistatus = (...files: Array<[string, string, number]>) => `<d:multistatus xmlns:d="DAV:">${files
  .map(([href, etag, size]) => `<d:response><d:href>${href}</d:href><d:propstat><d:prop><d:resourcetype/><d:getetag>${etag}</d:getetag><d:getcontentlength>${size}</d:getcontentlength></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`)
  .join('')}</d:multistatus>`;

async function failure(promise: Promise<unknown>): Promise<DavError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DavError);
  return error as DavError;
}

describe('the DAV client against answers Apache does not give', () => {
  it.each([
    [401, 'unauthorized'], [403, 'forbidden'], [404, 'not-found'], [409, 'not-found'], [412, 'conflict'],
    [413, 'full'], [507, 'full'], [408, 'timeout'], [423, 'server'], [429, 'server'], [500, 'server'], [503, 'server'],
    [200, 'bad-response'], [302, 'bad-response'], [400, 'bad-response'],
  ])('HTTP %i from PROPFIND is %s', async (status, code) => {
    const { dav } = client(() => new Response('<html></html>', { status }));
    const error = await failure(dav.list());
    expect([error.code, error.status]).toEqual([code, status]);
  });

  it('calls a multistatus it cannot read a bad response', async () => {
    const { dav } = client(() => new Response('<d:multistatus xmlns:d="DAV:"><d:response>', { status: 207 }));
    expect((await failure(dav.list())).code).toBe('bad-response');
  });

  it('calls a network failure offline and no answer in time a timeout', async () => {
    expect((await failure(client(() => Promise.reject(new TypeError('fetch failed'))).dav.list())).code).toBe('offline');
    const never: Answer = (_url, init) => new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)));
    expect((await failure(client(never, 50).dav.list())).code).toBe('timeout');
  });

  it('sends the password as UTF-8 Basic auth, and nothing of the browser\'s own', async () => {
    const { dav, requests } = client(() => new Response(multistatus(), { status: 207, headers: { Date: 'Mon, 30 Nov 2026 10:00:00 GMT' } }));
    expect(await dav.list()).toEqual({ files: [], serverTime: Date.UTC(2026, 10, 30, 10) });
    const { url, init } = requests[0]!;
    expect(url).toBe(FOLDER);
    expect(init).toMatchObject({ method: 'PROPFIND', credentials: 'omit', cache: 'no-store' });
    expect(init.headers).toMatchObject({ Depth: '1', Authorization: `Basic ${Buffer.from('jane:pässwörd', 'utf8').toString('base64')}` });
  });

  it('takes the ETag a PUT answers with, as Nextcloud sends one', async () => {
    const { dav, requests } = client(() => new Response(null, { status: 201, headers: { ETag: '"nc-1"' } }));
    expect(await dav.put('device-a.bin', new Uint8Array([1, 2]), { ifNoneMatch: '*' })).toEqual({ etag: '"nc-1"' });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe(`${FOLDER}device-a.bin`);
    expect(requests[0]!.init.headers).toMatchObject({ 'If-None-Match': '*' });
  });

  it('writes over an ETag listed weak in one PUT, as the strong tag If-Match can match', async () => {
    // Apache, a second after a write: W/"x" in the listing that gave it, "x" ever since.
    let current = '"x"';
    const { dav, requests } = client((_url, init) => {
      if (init.method === 'PROPFIND') return new Response(multistatus([`${FOLDER}device-a.bin`, current, 3]), { status: 207 });
      if ((init.headers as Record<string, string>)['If-Match'] !== current) return new Response(null, { status: 412 });
      current = '"y"';
      return new Response(null, { status: 204 });
    });
    expect(await dav.put('device-a.bin', new Uint8Array(3), { ifMatch: 'W/"x"' })).toEqual({ etag: '"y"' });
    expect(requests.filter((r) => r.init.method === 'PUT').map((r) => r.init.headers)).toEqual([expect.objectContaining({ 'If-Match': '"x"' })]);
  });

  it('reports a write lost when the file changed size before its ETag could be read', async () => {
    const { dav } = client((_url, init) => init.method === 'PUT' ? new Response(null, { status: 204 }) : new Response(multistatus([`${FOLDER}device-a.bin`, '"other"', 99]), { status: 207 }));
    expect((await failure(dav.put('device-a.bin', new Uint8Array(3), { ifMatch: '"mine"' }))).code).toBe('conflict');
  });

  it.each(['', '.', '..', '../x', 'a/b', 'Upper.bin', 'space .bin'])('refuses the file name %j', async (name) => {
    const { dav, requests } = client(() => new Response(null, { status: 200 }));
    await expect(dav.get(name)).rejects.toThrow(RangeError);
    expect(requests).toHaveLength(0);
  });
});
