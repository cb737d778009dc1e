import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { getFileMatchers } from 'app-builder-lib/out/fileMatcher';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
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

/**
 * The packaging as electron-builder reads it: its own config loader and schema validation (so a
 * misspelt fuse fails here, not silently in a release), and its own file matcher for what goes in.
 */
describe('installationspakken', () => {
  const root = process.cwd();

  async function builderConfig(): Promise<Configuration> {
    const config = await getConfig(root, null, null);
    await validateConfiguration(config, new DebugLogger(false));
    return config;
  }

  it('slår Electrons sikringer til og fra i electron-builder.yml', async () => {
    const { electronFuses } = await builderConfig();
    expect(electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
  }, 30_000);

  it('pakker det byggede program, men ingen source maps og ingen kildekode', async () => {
    const config = await builderConfig();
    expect(config.asar).not.toBe(false);
    const matchers = getFileMatchers(config, 'files', join(root, 'release', 'app'), {
      macroExpander: (pattern) => pattern,
      customBuildOptions: config,
      globalOutDir: join(root, 'release'),
      defaultSrc: root,
    });
    expect(matchers?.length).toBeGreaterThan(0);
    const aFile = statSync(join(root, 'package.json'));
    const packaged = (path: string) => (matchers ?? []).every((matcher) => matcher.createFilter()(join(root, path), aFile));
    expect(packaged('dist/electron/main.cjs')).toBe(true);
    expect(packaged('dist/electron/preload.cjs')).toBe(true);
    expect(packaged('dist/renderer/index.html')).toBe(true);
    expect(packaged('dist/renderer/assets/index-abc123.js')).toBe(true);
    for (const path of ['dist/electron/main.cjs.map', 'dist/renderer/assets/index-abc123.js.map', 'dist/renderer/assets/index-abc123.css.map']) {
      expect(packaged(path), path).toBe(false);
    }
    expect(packaged('electron/main/main.ts')).toBe(false);
    expect(packaged('dist/harness/server.cjs')).toBe(false);
  }, 30_000);

  it('bygger det, der pakkes, uden source maps og uden henvisninger til dem (kør npm run build først)', () => {
    for (const folder of ['dist/electron', 'dist/renderer']) {
      const files = readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' });
      expect(files.length, `${folder} mangler: kør npm run build først.`).toBeGreaterThan(0);
      expect(files.filter((file) => file.endsWith('.map')), folder).toEqual([]);
      for (const file of files.filter((name) => /\.(c?js|css)$/.test(name))) {
        expect(readFileSync(join(root, folder, file), 'utf8'), file).not.toMatch(/[#@] sourceMappingURL=/);
      }
    }
  });
});
