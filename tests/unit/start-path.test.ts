import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What the app and the harness evaluate before the window can load: their entry's imports, followed
 * through every import that is not type-only. The service layer (every service, the contract's zod
 * schemas, the Word and exchange code) is loaded by startup.ts after the transport is up; a static
 * import of any of it here would put its few hundred milliseconds back in front of the window.
 */
const ROOT = resolve(__dirname, '../..');
const ENTRIES = ['electron/main/main.ts', 'tests/harness/server.ts'];
const SERVICE_LAYER = ['electron/services/dispatch.ts', 'electron/services/serviceLayer.ts', 'shared/api/contract.ts'];
const HEAVY_PACKAGES = ['zod', 'docx', 'mammoth', 'jszip'];

/** Module specifiers a file imports for their values (not `import type`, not a dynamic import()). */
function valueImports(source: string): string[] {
  const found: string[] = [];
  const statement = /^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?'([^']+)'/gms;
  for (const match of source.matchAll(statement)) if (match[1]) found.push(match[1]);
  return found;
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  return null;
}

/** Every local file and package reached from the entry before anything is loaded lazily. */
function startPath(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [resolve(ROOT, entry)];
  for (let file = queue.pop(); file; file = queue.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    for (const specifier of valueImports(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) {
        packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
        continue;
      }
      const target = resolveLocal(file, specifier);
      if (target) queue.push(target);
    }
  }
  return { files: new Set([...files].map((f) => relative(ROOT, f))), packages };
}

describe('starten før vinduet', () => {
  it.each(ENTRIES)('%s indlæser ikke tjenestelaget, før vinduet kan hente siden', (entry) => {
    const { files, packages } = startPath(entry);
    // The walk itself works: the start's own modules are on the path.
    expect(files).toContain('electron/services/startup.ts');
    expect(files).toContain('electron/archive/open.ts');
    expect(SERVICE_LAYER.filter((file) => files.has(file))).toEqual([]);
    expect(HEAVY_PACKAGES.filter((name) => packages.has(name))).toEqual([]);
  });

  it('tjenestelaget henter først Word-koden, når et dokument skal laves eller læses', () => {
    const { files, packages } = startPath('electron/services/serviceLayer.ts');
    expect(files).toContain('electron/services/documents.ts');
    expect(files).toContain('shared/api/contract.ts');
    expect([...files].filter((file) => file.startsWith('electron/export/') && !file.endsWith('-model.ts') && file !== 'electron/export/danishDay.ts')).toEqual([]);
    expect(['docx', 'mammoth', 'jszip'].filter((name) => packages.has(name))).toEqual([]);
  });

  it('tjenestelaget henter først forbindelsen til delingsserveren, når den første skærm har sine svar', () => {
    const { files, packages } = startPath('electron/services/serviceLayer.ts');
    expect(files).toContain('electron/sync/core.ts');
    expect([...files].filter((file) => file.startsWith('electron/sync/transport/') && !file.endsWith('localDocuments.ts'))).toEqual([]);
    expect(files).not.toContain('electron/sync/sharing/laptopSharing.ts');
    expect(['ws', '@hocuspocus/provider'].filter((name) => packages.has(name))).toEqual([]);
  });
});

describe('vinduets første kode', () => {
  it('stiller vinduets første spørgsmål uden React: tegnekoden hentes bagefter', () => {
    const { files, packages } = startPath('renderer/main.tsx');
    // The walk itself works: the window's start and the first screen's reads are on the path.
    expect(files).toContain('renderer/api/windowStart.ts');
    expect(files).toContain('renderer/views/overviewReads.ts');
    // React's DOM code, the screens and the start page come with drawWindow.tsx, imported after the questions.
    expect(packages).not.toContain('react-dom');
    expect(['renderer/drawWindow.tsx', 'renderer/App.tsx', 'renderer/views/StartupGate.tsx', 'renderer/views/Overview.tsx'].filter((file) => files.has(file))).toEqual([]);
    expect(readFileSync(resolve(ROOT, 'renderer/main.tsx'), 'utf8')).toContain("import('./drawWindow')");
  });
});
