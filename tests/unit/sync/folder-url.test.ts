import { describe, expect, it } from 'vitest';
import { parseFolderUrl } from '../../../lib/sync/folder-url';

describe('parseFolderUrl', () => {
  it.each([
    ['https://dav.example.com/remote.php/dav/files/jane/Social Hours', 'https://dav.example.com/remote.php/dav/files/jane/Social%20Hours/', 'https://dav.example.com', 'https://dav.example.com/*'],
    ['  https://NAS.example.com:5006/sync/  ', 'https://nas.example.com:5006/sync/', 'https://nas.example.com:5006', 'https://nas.example.com/*'],
    ['https://dav.example.com', 'https://dav.example.com/', 'https://dav.example.com', 'https://dav.example.com/*'],
    ['https://dav.example.com:443/a#section', 'https://dav.example.com/a/', 'https://dav.example.com', 'https://dav.example.com/*'],
    ['https://cloud.example.com/files/jane@example.com/x/', 'https://cloud.example.com/files/jane@example.com/x/', 'https://cloud.example.com', 'https://cloud.example.com/*'],
    ['http://localhost:8080/dav', 'http://localhost:8080/dav/', 'http://localhost:8080', 'http://localhost/*'],
    ['http://127.0.0.1:5232/me/', 'http://127.0.0.1:5232/me/', 'http://127.0.0.1:5232', 'http://127.0.0.1/*'],
    ['HTTPS://Dav.Example.com/A/B', 'https://dav.example.com/A/B/', 'https://dav.example.com', 'https://dav.example.com/*'],
  ])('accepts %j', (text, url, origin, permission) => {
    expect(parseFolderUrl(text)).toEqual({ ok: true, url, origin, permission });
  });

  it.each([
    ['', 'not-a-url'],
    ['dav.example.com/remote.php/dav', 'not-a-url'],
    ['https://', 'not-a-url'],
    ['https://exa mple.com/', 'not-a-url'],
    ['http://dav.example.com/dav/', 'not-https'],
    ['http://192.168.1.10/dav/', 'not-https'],
    ['http://[::1]:8080/dav/', 'not-https'],
    ['http://localhost.example.com/dav/', 'not-https'],
    ['ftp://dav.example.com/', 'not-https'],
    ['davs://dav.example.com/dav/', 'not-https'],
    ['localhost:8080/dav', 'not-https'],
    ['https://jane:secret@dav.example.com/dav/', 'has-credentials'],
    ['https://jane@dav.example.com/dav/', 'has-credentials'],
    ['https://dav.example.com/dav/?user=jane', 'has-query'],
  ])('refuses %j: %s', (text, problem) => {
    expect(parseFolderUrl(text)).toEqual({ ok: false, problem });
  });
});
