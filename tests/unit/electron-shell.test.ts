import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../electron/main/app-origin';
import { isExternalWebUrl } from '../../electron/main/external-links';
import { mimeTypeFor, resolveInside } from '../../electron/main/static-files';

/** The Electron shell's decisions that do not need Electron itself to test. */
describe('Electron-skallens sikkerhedsregler', () => {
  it('kender kun appens egen oprindelse', () => {
    expect(isAppUrl('app://samtalerum/index.html')).toBe(true);
    expect(isAppUrl('app://andet/index.html')).toBe(false);
    expect(isAppUrl('https://samtalerum/index.html')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('ikke en adresse')).toBe(false);
  });

  it('åbner kun http(s)-links i brugerens browser', () => {
    expect(isExternalWebUrl('https://www.dlf.org')).toBe(true);
    expect(isExternalWebUrl('http://kl.dk')).toBe(true);
    expect(isExternalWebUrl('file:///C:/Windows')).toBe(false);
    expect(isExternalWebUrl('javascript:alert(1)')).toBe(false);
    expect(isExternalWebUrl('smb://server/del')).toBe(false);
  });

  it('serverer kun filer inde i renderer-mappen', () => {
    expect(resolveInside('/app/renderer', 'app://samtalerum/')).toBe('/app/renderer/index.html');
    expect(resolveInside('/app/renderer', 'app://samtalerum/assets/a.js')).toBe('/app/renderer/assets/a.js');
    expect(resolveInside('/app/renderer', 'app://samtalerum/..%2F..%2Fetc%2Fpasswd')).toBeNull();
    // The URL parser folds an encoded '..' at the root, so it cannot climb out either.
    expect(resolveInside('/app/renderer', 'app://samtalerum/%2e%2e/secret')).toBe('/app/renderer/secret');
    expect(resolveInside('/app/renderer', 'app://andet/index.html')).toBeNull();
    expect(mimeTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('/x/ukendt.bin')).toBe('application/octet-stream');
  });
});
