// The CLI as a user runs it: the built dist/cli/samtalerum.cjs in its own Node process, on throwaway
// archives (see cli-run.ts).
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import packageJson from '../../package.json';
import { OPTIONS } from '../../electron/cli/args';
import { COMMANDS } from '../../electron/cli/commands';
import { defaultArchivePath } from '../../electron/cli/defaultArchive';
import { Progress } from '../../electron/cli/progress';
import { windows1252 } from '../faults/windows1252';
import { CLI, cells, cli, expectFailure, freshDir, lines, ok, requireBuiltCli } from './cli-run';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const SHORT = '[0-9a-f]{8}';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

beforeAll(requireBuiltCli);

// Every test starts the CLI as its own Node process, a second or more each on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

describe('samtalerum CLI on a demo archive', () => {
  const dir = freshDir();
  const archive = join(dir, 'a.sqlite');
  const on = (...args: string[]) => [...args, '--archive', archive];
  let forumId = '';
  let heldId = '';
  let meetingLines: string[] = [];

  beforeAll(() => {
    if (!existsSync(CLI)) return;
    const seeded = ok(on('seed-demo'));
    expect(seeded.stdout).toMatch(/^Demoen er lagt i arkivet .*a\.sqlite: TRIO på Bøgely Skole \(demo\) med 2 møder\.\n$/);
    const forums = lines(ok(on('list-forums')).stdout);
    expect(forums).toHaveLength(1);
    forumId = forums[0]?.split(' ')[0] ?? '';
    meetingLines = lines(ok(on('list-meetings')).stdout);
    heldId = meetingLines.find((line) => line.endsWith('  afholdt'))?.split(' ')[0] ?? '';
  }, 60_000);

  it('lists the forum as short id, name and school', () => {
    expect(lines(ok(on('list-forums')).stdout)).toEqual([expect.stringMatching(new RegExp(`^${SHORT}  TRIO  Bøgely Skole \\(demo\\)$`))]);
    expect(forumId).toMatch(new RegExp(`^${SHORT}$`));
  });

  it('lists the two meetings oldest first: short id, date and time, forum, title, status', () => {
    expect(meetingLines.map(cells)).toEqual([
      [expect.stringMatching(new RegExp(`^${SHORT}$`)), expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}\.\d{2}$/), 'TRIO', 'TRIO-møde november', 'afholdt'],
      [expect.stringMatching(new RegExp(`^${SHORT}$`)), expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}\.\d{2}$/), 'TRIO', 'TRIO-møde', 'planlagt'],
    ]);
    const times = meetingLines.map((line) => cells(line)[1] ?? '');
    expect([...times].sort()).toEqual(times);
    // Each short id is the beginning of that meeting's whole id, as the archive's own file has it.
    const file = join(dir, 'ids.json');
    ok(on('export-archive', '--out', file));
    const { meetings } = JSON.parse(readFileSync(file, 'utf8')) as { meetings: { id: string; title: string; startsAt: string }[] };
    for (const line of meetingLines) {
      const [short = '', time = '', , title] = cells(line);
      const whole = meetings.filter((m) => m.id.startsWith(short));
      expect(whole.map((m) => [m.title, m.startsAt.slice(0, 16)])).toEqual([[title, time.replace(' ', 'T').replace('.', ':')]]);
      expect(whole[0]?.id).toMatch(new RegExp(`^${UUID}$`));
    }
  });

  it('takes a unique beginning of an id, or the whole id, wherever an id is asked for', () => {
    const file = join(dir, 'ids.json');
    ok(on('export-archive', '--out', file, '--overwrite'));
    const whole = (JSON.parse(readFileSync(file, 'utf8')) as { meetings: { id: string }[] }).meetings.find((m) => m.id.startsWith(heldId))?.id ?? '';
    const short = join(dir, 'prefiks', 'kort.docx');
    expect(ok(on('export-referat', '--meeting', heldId.slice(0, 4), '--variant', 'delt', '--out', short)).stdout).toBe(`Referatet (delt version) er gemt i ${short}.\n`);
    const full = join(dir, 'prefiks', 'hel.docx');
    ok(on('export-referat', '--meeting', whole.toUpperCase(), '--variant', 'delt', '--out', full));
    expect(readFileSync(full).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(lines(ok(on('list-meetings', '--forum', forumId.slice(0, 5))).stdout)).toEqual(meetingLines);

    const target = join(dir, 'prefiks', 'x.docx');
    expectFailure(cli(on('export-referat', '--meeting', heldId.slice(0, 3), '--variant', 'delt', '--out', target)), 1, /--meeting «...» er for kort: skriv mindst 4 tegn af id'et fra samtalerum list-meetings\.$/);
    expectFailure(cli(on('export-referat', '--meeting', 'møde-1', '--variant', 'delt', '--out', target)), 1, "--meeting «møde-1» er ikke et id. Id'et står forrest i linjen i samtalerum list-meetings.");
    expectFailure(cli(on('export-referat', '--meeting', UNKNOWN_ID.slice(0, 13), '--variant', 'delt', '--out', target)), 1, 'Intet møde i arkivet har et id, der begynder med «00000000-0000». Se samtalerum list-meetings.');
    expectFailure(cli(on('list-meetings', '--forum', UNKNOWN_ID.slice(0, 13))), 1, 'Intet forum i arkivet har et id, der begynder med «00000000-0000». Se samtalerum list-forums.');
    expect(existsSync(target)).toBe(false);
  }, 60_000);

  it('refuses the referat of a meeting not yet held, and points to export-dagsorden', () => {
    const [planned = '', time = ''] = cells(meetingLines.find((line) => line.endsWith('  planlagt')) ?? '');
    const target = join(dir, 'ikke-afholdt', 'r.docx');
    expectFailure(
      cli(on('export-referat', '--meeting', planned, '--variant', 'delt', '--out', target)),
      1,
      `Fejl: Mødet ${time.slice(0, 10)} i TRIO er ikke afholdt endnu, så der er intet referat at gemme. Dagsordenen gemmes med samtalerum export-dagsorden --meeting ${planned} --variant delt --out dagsorden.docx.`,
    );
    expect(existsSync(join(dir, 'ikke-afholdt'))).toBe(false);
    // What the hint says works.
    expect(ok(on('export-dagsorden', '--meeting', planned, '--variant', 'delt', '--out', join(dir, 'ikke-afholdt', 'dagsorden.docx'))).code).toBe(0);
  }, 30_000);

  it('will not put the demo in twice', () => {
    expectFailure(cli(on('seed-demo')), 1, 'Demoen er allerede i arkivet.');
  });

  it('exports one referat as a Word file, and overwrites it only with --overwrite', () => {
    const out = join(dir, 'ny mappe', 'r.docx');
    const run = ok(on('export-referat', '--meeting', heldId, '--variant', 'delt', '--out', out));
    expect(run.stdout).toBe(`Referatet (delt version) er gemt i ${out}.\n`);
    expect(run.stderr).toBe('');
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');

    writeFileSync(out, 'min egen fil');
    expectFailure(cli(on('export-referat', '--meeting', heldId, '--variant', 'fuld', '--out', out)), 1, /findes allerede .*--overwrite/);
    expect(readFileSync(out, 'utf8')).toBe('min egen fil');

    ok(on('export-referat', '--meeting', heldId, '--variant', 'fuld', '--out', out, '--overwrite'));
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
  }, 30_000);

  it('still takes the older --version shared|full, with a one-line note on stderr', () => {
    const one = join(dir, 'gammelt flag', 'r.docx');
    const run = ok(on('export-referat', '--meeting', heldId, '--version', 'full', '--out', one));
    expect(run.stdout).toBe(`Referatet (fuld version, fortroligt) er gemt i ${one}.\n`);
    expect(run.stderr).toBe('Bemærk: --version full hedder nu --variant fuld; det gamle navn virker stadig.\n');
    expect(readFileSync(one).subarray(0, 2).toString('latin1')).toBe('PK');

    const none = ok(on('export-referater', '--forum', forumId, '--from', '2000-01-01', '--to', '2000-12-31', '--version', 'shared', '--out', join(dir, 'gammel-tom')));
    expect(lines(none.stderr)).toEqual([
      'Bemærk: --version shared hedder nu --variant delt; det gamle navn virker stadig.',
      'Ingen afholdte møder i TRIO fra 2000-01-01 til 2000-12-31. Intet er gemt.',
    ]);
  }, 30_000);

  it('exports the held meetings of a forum in a period, with progress and a summary on stderr', () => {
    const out = join(dir, 'referater', 'efterår');
    const run = ok(on('export-referater', '--forum', forumId, '--from', '2000-01-01', '--to', '2100-12-31', '--variant', 'fuld', '--out', out));
    const held = meetingLines.filter((line) => line.endsWith('  afholdt')).length;
    const files = readdirSync(out);
    expect(files).toHaveLength(held);
    for (const file of files) {
      expect(file).toMatch(/^Referat TRIO \d{4}-\d{2}-\d{2} .*\.docx$/);
      expect(readFileSync(join(out, file)).subarray(0, 2).toString('latin1')).toBe('PK');
    }
    // Not a terminal here, so one line per file instead of a redrawn bar, then the summary.
    const err = lines(run.stderr);
    expect(err).toEqual([`1/1 ${files[0]?.replace(/\.docx$/, '')}`, `Færdig: 1 referat (fuld version, fortroligt) fra TRIO er gemt i ${out}.`]);
    expect(run.stdout).toBe('');

    // The same export again stops at the first file that is there, and changes nothing.
    const before = files.map((file) => statSync(join(out, file)).mtimeMs);
    const again = cli(on('export-referater', '--forum', forumId, '--from', '2000-01-01', '--to', '2100-12-31', '--variant', 'fuld', '--out', out));
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/Fejl: Filen .* findes allerede .*--overwrite/);
    expect(files.map((file) => statSync(join(out, file)).mtimeMs)).toEqual(before);
  }, 30_000);

  it('says so, and makes no folder, when no held meeting falls in the period', () => {
    const out = join(dir, 'tom');
    const run = ok(on('export-referater', '--forum', forumId, '--from', '2000-01-01', '--to', '2000-12-31', '--variant', 'delt', '--out', out));
    expect(run.stderr).toBe('Ingen afholdte møder i TRIO fra 2000-01-01 til 2000-12-31. Intet er gemt.\n');
    expect(existsSync(out)).toBe(false);
  });

  it('exports the archive as JSON, and importing it into a fresh archive gives the same meetings', () => {
    const file = join(dir, 'udveksling', 'a.json');
    const run = ok(on('export-archive', '--out', file));
    expect(run.stdout).toBe(`Arkivet er gemt som udvekslingsfil i ${file}.\n`);
    expect(() => JSON.parse(readFileSync(file, 'utf8'))).not.toThrow();

    const second = join(freshDir(), 'b.sqlite');
    const imported = cli(['import', file, '--archive', second]);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toMatch(/^Indlæst fra .*a\.json: 1 forum og 2 møder \(\d+ (ny post|nye poster), \d+ fandtes i forvejen\)\.\n$/);
    expect(imported.code).toBe(0);
    expect(lines(ok(['list-meetings', '--archive', second]).stdout)).toEqual(meetingLines);
  }, 30_000);

  describe('refuses with one Danish line on stderr, a non-zero exit code, and writes nothing', () => {
    it('an unknown meeting', () => {
      const out = join(dir, 'fejl', 'x.docx');
      expectFailure(cli(on('export-referat', '--meeting', UNKNOWN_ID, '--variant', 'delt', '--out', out)), 1, 'Fejl: Mødet findes ikke i arkivet. Måske er det slettet.');
      expect(existsSync(join(dir, 'fejl'))).toBe(false);
    });

    it('an unknown forum', () => {
      const out = join(dir, 'fejl');
      expectFailure(cli(on('export-referater', '--forum', UNKNOWN_ID, '--from', '2026-01-01', '--to', '2026-12-31', '--variant', 'fuld', '--out', out)), 1, 'Forummet findes ikke i arkivet');
      expect(existsSync(out)).toBe(false);
    });

    it('a date that is malformed, does not exist, or comes after --to', () => {
      const base = ['export-referater', '--forum', forumId, '--variant', 'fuld', '--out', join(dir, 'fejl')];
      expectFailure(cli(on(...base, '--from', '1.8.2026', '--to', '2027-06-30')), 2, '--from skal være en dato skrevet ÅÅÅÅ-MM-DD, fx 2026-08-01, ikke «1.8.2026».');
      expectFailure(cli(on(...base, '--from', '2026-08-01', '--to', '2027-02-29')), 2, '--to 2027-02-29 er ikke en dato, der findes.');
      expectFailure(cli(on(...base, '--from', '2027-08-01', '--to', '2027-06-30')), 2, '--from 2027-08-01 ligger efter --to 2027-06-30.');
      expect(existsSync(join(dir, 'fejl'))).toBe(false);
    });

    it('a missing --out, or --out with no value', () => {
      expectFailure(cli(on('export-referat', '--meeting', heldId, '--variant', 'delt')), 2, '--out mangler, fx --out referat.docx.');
      expectFailure(cli(on('export-archive', '--out')), 2, '--out mangler en værdi');
    });

    it('a wrong --variant or --version, or both at once', () => {
      const target = join(dir, 'v.docx');
      expectFailure(cli(on('export-referat', '--meeting', heldId, '--variant', 'shared', '--out', target)), 2, /--variant skal være delt .* eller fuld .*«shared»/);
      expectFailure(cli(on('export-referat', '--meeting', heldId, '--version', 'delt', '--out', target)), 2, /--version skal være shared eller full.*--variant delt/);
      expectFailure(cli(on('export-referat', '--meeting', heldId, '--variant', 'delt', '--version', 'shared', '--out', target)), 2, /Brug --variant alene/);
      expect(existsSync(target)).toBe(false);
    }, 30_000);

    it('an unknown command, flag, or a flag the command does not take', () => {
      expectFailure(cli(on('list-meeting')), 2, 'Ukendt kommando «list-meeting». Mente du list-meetings?');
      expectFailure(cli(on('slet-alt')), 2, 'Ukendt kommando «slet-alt».');
      expectFailure(cli(on('list-meetings', '--bogus')), 2, 'Ukendt tilvalg --bogus.');
      expectFailure(cli(on('list-forums', '--out', join(dir, 'x'))), 2, 'list-forums tager ikke --out.');
      expectFailure(cli(on('list-forums', 'ekstra')), 2, 'list-forums ved ikke, hvad «ekstra» skal bruges til.');
    });

    it('a file to import that is not JSON (and the new archive is not created)', () => {
      const target = freshDir();
      const notJson = join(target, 'referat.txt');
      writeFileSync(notJson, 'Dette er ikke en udvekslingsfil.');
      const archivePath = join(target, 'ny', 'b.sqlite');
      expectFailure(cli(['import', notJson, '--archive', archivePath]), 1, 'er ikke en udvekslingsfil fra Samtalerum');
      expect(existsSync(join(target, 'ny'))).toBe(false);
      expectFailure(cli(['import', join(target, 'findes-ikke.json'), '--archive', archivePath]), 1, 'kunne ikke læses: den findes ikke.');
    });

    it('a file saved as Windows-1252, named as such (and the new archive is not created)', () => {
      const target = freshDir();
      const exported = join(target, 'utf8.json');
      ok(on('export-archive', '--out', exported));
      const text = readFileSync(exported, 'utf8');
      const latin = join(target, 'latin.json');
      writeFileSync(latin, windows1252(text));
      const archivePath = join(target, 'ny', 'b.sqlite');
      expectFailure(cli(['import', latin, '--archive', archivePath]), 1, /latin\.json: Filen ser ud til at være gemt som Windows-1252 \(Latin-1\), ikke UTF-8: i linje \d+ står «.» som ét tegn/);
      expect(existsSync(join(target, 'ny'))).toBe(false);
      // The same file with a UTF-8 byte order mark, as Notepad saves it, is read.
      const withBom = join(target, 'bom.json');
      writeFileSync(withBom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
      expect(ok(['import', withBom, '--archive', archivePath]).stdout).toMatch(/^Indlæst fra .*bom\.json: 1 forum og 2 møder/);
    }, 30_000);

    it('an archive in a folder that cannot be created', () => {
      const target = freshDir();
      writeFileSync(join(target, 'en-fil'), 'x');
      expectFailure(cli(['seed-demo', '--archive', join(target, 'en-fil', 'arkiv', 'a.sqlite')]), 1, 'en del af stien er en fil, ikke en mappe');
      expect(readdirSync(target)).toEqual(['en-fil']);
    });

    it('a file that is not an archive, which is left as it was', () => {
      const target = freshDir();
      const notArchive = join(target, 'noter.sqlite');
      writeFileSync(notArchive, 'Noter fra mødet, ikke en database. '.repeat(200));
      const before = readFileSync(notArchive);
      expectFailure(cli(['seed-demo', '--archive', notArchive]), 1, 'er ikke et Samtalerum-arkiv, eller den er beskadiget. Filen er ikke ændret.');
      expectFailure(cli(['list-meetings', '--archive', notArchive]), 1, 'er ikke et Samtalerum-arkiv');
      expect(readFileSync(notArchive).equals(before)).toBe(true);
      expect(readdirSync(target)).toEqual(['noter.sqlite']);
    });

    it('a folder given as the archive', () => {
      expectFailure(cli(['list-meetings', '--archive', dir]), 1, 'Arkivet skal være en fil, men');
    });

    it('an archive that does not exist, for a command that only reads (it is not created)', () => {
      const missing = join(freshDir(), 'mangler', 'a.sqlite');
      expectFailure(cli(['list-meetings', '--archive', missing]), 1, 'Der er intet arkiv på');
      expect(existsSync(join(missing, '..'))).toBe(false);
    });
  });
});

describe('a meeting the archive has under another id', () => {
  type ExchangeFile = { meetings: { id: string; status: string; title: string; items: { id: string }[]; actions: { id: string }[] }[] };

  /**
   * The upcoming meeting as planned on another laptop: same forum, start and title, every id new. The
   * new ids all begin 00000000-0000-4000-8000-, then `series` and a number.
   */
  function plannedElsewhere(exported: string, series: string): { text: string; upcoming: ExchangeFile['meetings'][number] } {
    let text = readFileSync(exported, 'utf8');
    const upcoming = (JSON.parse(text) as ExchangeFile).meetings.find((m) => m.status === 'planlagt');
    if (!upcoming) throw new Error('Demoen mangler et kommende møde.');
    [upcoming.id, ...upcoming.items.map((i) => i.id), ...upcoming.actions.map((a) => a.id)].forEach((id, i) => {
      text = text.replaceAll(id, `00000000-0000-4000-8000-${series}${String(i + 1).padStart(12 - series.length, '0')}`);
    });
    return { text, upcoming };
  }

  function demoArchive(): { dir: string; archive: string; exported: string } {
    const dir = freshDir();
    const archive = join(dir, 'a.sqlite');
    ok(['seed-demo', '--archive', archive]);
    const exported = join(dir, 'a.json');
    ok(['export-archive', '--out', exported, '--archive', archive]);
    return { dir, archive, exported };
  }

  it('is refused with both named and --behold-begge suggested, and imported as a second meeting with it', () => {
    const { dir, archive, exported } = demoArchive();
    const { text, upcoming } = plannedElsewhere(exported, '');
    const copy = join(dir, 'kopi.json');
    writeFileSync(copy, text);

    const before = readFileSync(archive);
    expectFailure(
      cli(['import', copy, '--archive', archive]),
      1,
      new RegExp(`Arkivet har allerede mødet «${upcoming.title}» .* \\(id ${upcoming.id.slice(0, 8)}…\\).* \\(00000000…\\)\\..* Brug --behold-begge for at indlæse det som et møde mere\\.$`),
    );
    expect(readFileSync(archive).equals(before)).toBe(true);
    expect(lines(ok(['list-meetings', '--archive', archive]).stdout)).toHaveLength(2);

    expect(ok(['import', copy, '--behold-begge', '--archive', archive]).stdout).toMatch(/^Indlæst fra .*kopi\.json: 1 forum og 2 møder/);
    expect(lines(ok(['list-meetings', '--archive', archive]).stdout)).toHaveLength(3);
  }, 60_000);

  it('two meetings whose ids begin alike: the listing shows as much as tells them apart, a shared beginning is refused', () => {
    const { dir, archive, exported } = demoArchive();
    for (const series of ['1', '2']) {
      const copy = join(dir, `kopi-${series}.json`);
      writeFileSync(copy, plannedElsewhere(exported, series).text);
      ok(['import', copy, '--behold-begge', '--archive', archive]);
    }
    const listed = lines(ok(['list-meetings', '--archive', archive]).stdout).map((line) => cells(line)[0] ?? '');
    // 00000000-0000-4000-8000-1… and -2… differ first in their 25th character.
    expect(listed.filter((id) => id.startsWith('00000000')).sort()).toEqual(['00000000-0000-4000-8000-1', '00000000-0000-4000-8000-2']);
    expect(listed.every((id) => id.length === 25)).toBe(true);

    const target = join(dir, 'd.docx');
    expectFailure(
      cli(['export-dagsorden', '--meeting', '00000000', '--variant', 'delt', '--out', target, '--archive', archive]),
      1,
      /^Fejl: «00000000» passer på 2 møder: 00000000-0000-4000-8000-[12] \d{4}-\d{2}-\d{2} TRIO; 00000000-0000-4000-8000-[12] \d{4}-\d{2}-\d{2} TRIO\. Skriv flere tegn af id'et\.$/,
    );
    expect(existsSync(target)).toBe(false);
    ok(['export-dagsorden', '--meeting', '00000000-0000-4000-8000-2', '--variant', 'delt', '--out', target, '--archive', archive]);
    expect(existsSync(target)).toBe(true);
  }, 90_000);
});

describe('each command’s --help', () => {
  /** The flags a help text names, in its usage line and in its list of flags. */
  function flagsIn(help: string): string[] {
    const [usage = '', ...rest] = help.split('\n');
    // The flag column only: a description may mention another command's flags.
    const listed = rest.map((line) => /^ {2}(--.*?)(?: {2,}|$)/.exec(line)?.[1] ?? '').join(' ');
    return [...new Set([...`${usage} ${listed}`.matchAll(/--([a-z-]+)/g)].map((m) => m[1] ?? ''))].sort();
  }

  it('names exactly the flags the command accepts, each one the parser knows', () => {
    for (const command of COMMANDS) {
      const help = cli([command.name, '--help']);
      expect(help.code).toBe(0);
      expect(flagsIn(help.stdout), command.name).toEqual([...command.options, 'archive'].sort());
      for (const flag of command.options) expect(Object.keys(OPTIONS), command.name).toContain(flag);
      // Each word after the command is named once.
      for (const word of command.positionals) expect(help.stdout.split('\n')[0]?.split(`<${word}>`).length, command.name).toBe(2);
    }
    expect(cli(['import', '--help']).stdout.split('\n')[0]).toBe('Brug: samtalerum import <fil> [--behold-begge] [--archive <sti>]');
    expect(cli(['vis-sag', '--help']).stdout.split('\n')[0]).toBe('Brug: samtalerum vis-sag [<sags-id>] [--variant delt|fuld] [--archive <sti>]');
  }, 180_000);
});

describe('samtalerum --version', () => {
  const expected = `samtalerum ${packageJson.version}\n`;

  it('prints the program version from package.json, alone, after a command, or before one', () => {
    expect(packageJson.version).toMatch(/^\d+\.\d+\.\d+/);
    for (const args of [['--version'], ['export-referat', '--version'], ['--version', 'list-meetings'], ['list-meetings', '--version', '--archive', join(freshDir(), 'intet.sqlite')]]) {
      const run = cli(args);
      expect(run, args.join(' ')).toEqual({ code: 0, stdout: expected, stderr: '' });
    }
    expect(cli(['--help']).stdout).toContain('  --version         vis programmets version');
  });

  it('followed by a word is still the older name of --variant, not the program version', () => {
    const run = cli(['export-referat', '--meeting', UNKNOWN_ID, '--version', 'shared', '--out', join(freshDir(), 'r.docx'), '--archive', join(freshDir(), 'intet.sqlite')]);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toEqual(['Bemærk: --version shared hedder nu --variant delt; det gamle navn virker stadig.', expect.stringMatching(/^Fejl: Der er intet arkiv på /)]);
  });
});

describe('samtalerum CLI without --archive', () => {
  it('uses the app archive in SAMTALERUM_DATA_DIR, as the app does', () => {
    const data = join(freshDir(), 'data');
    mkdirSync(data);
    const env = { SAMTALERUM_DATA_DIR: data };
    expect(cli(['seed-demo'], env).code).toBe(0);
    expect(existsSync(join(data, 'samtalerum.sqlite'))).toBe(true);
    expect(lines(cli(['list-forums'], env).stdout)).toHaveLength(1);
    expect(cli(['--help'], env).stdout).toContain(join(data, 'samtalerum.sqlite'));
  }, 30_000);

  it('prints the Danish usage text for no arguments and --help, and one command’s help', () => {
    const plain = cli([]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('Brug: samtalerum <kommando> [tilvalg]');
    const names = ['seed-demo', 'list-forums', 'list-meetings', 'vis-sag [<sags-id>]', 'import <fil>', 'export-dagsorden', 'export-referat', 'export-referater'];
    for (const name of [...names, 'export-personaleresume', 'export-beslutningslog', 'export-archive']) {
      expect(plain.stdout).toContain(`  ${name} `);
    }
    expect(cli(['--help']).stdout).toBe(plain.stdout);
    const one = cli(['export-referater', '--help']);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^Brug: samtalerum export-referater --forum <id> --from <ÅÅÅÅ-MM-DD> --to <ÅÅÅÅ-MM-DD> --variant delt\|fuld --out <mappe>/);
    expect(cli(['help', 'export-referater']).stdout).toBe(one.stdout);
  });
});

describe('the app archive path without Electron', () => {
  const home = '/home/lærer';
  it('follows Electron’s userData folder for an app named Samtalerum', () => {
    expect(defaultArchivePath({ env: {}, platform: 'linux', home })).toBe('/home/lærer/.config/Samtalerum/samtalerum.sqlite');
    expect(defaultArchivePath({ env: { XDG_CONFIG_HOME: '/data/cfg' }, platform: 'linux', home })).toBe('/data/cfg/Samtalerum/samtalerum.sqlite');
    expect(defaultArchivePath({ env: {}, platform: 'darwin', home: '/Users/lærer' })).toBe('/Users/lærer/Library/Application Support/Samtalerum/samtalerum.sqlite');
    expect(defaultArchivePath({ env: { APPDATA: 'C:\\Users\\lærer\\AppData\\Roaming' }, platform: 'win32', home: 'C:\\Users\\lærer' })).toBe(
      'C:\\Users\\lærer\\AppData\\Roaming\\Samtalerum\\samtalerum.sqlite',
    );
  });

  it('honours SAMTALERUM_DATA_DIR on every platform', () => {
    const dir = join(tmpdir(), 'skolens-backup');
    expect(defaultArchivePath({ env: { SAMTALERUM_DATA_DIR: dir }, platform: 'linux', home })).toBe(join(dir, 'samtalerum.sqlite'));
    expect(defaultArchivePath({ env: { SAMTALERUM_DATA_DIR: dir }, platform: 'darwin', home })).toBe(join(dir, 'samtalerum.sqlite'));
  });
});

describe('the progress bar', () => {
  function stream(isTTY: boolean) {
    const written: string[] = [];
    return { written, isTTY, columns: 80, write: (text: string) => written.push(text) };
  }

  it('is redrawn on one terminal line and ends with the summary on its own line', () => {
    const tty = stream(true);
    const progress = new Progress(tty, 10);
    progress.start();
    for (let i = 1; i <= 6; i += 1) progress.step(`Referat TRIO 2026-12-0${i}`);
    expect(tty.written.at(-1)).toBe('\r[████████████░░░░░░░░]  6/10 Referat TRIO 2026-12-06\x1b[K');
    expect(tty.written.join('')).not.toContain('\n');
    progress.finish('Færdig.');
    expect(tty.written.slice(-2)).toEqual(['\n', 'Færdig.\n']);
  });

  it('writes one line per step when stderr is not a terminal', () => {
    const log = stream(false);
    const progress = new Progress(log, 2);
    progress.start();
    progress.step('Referat TRIO 2026-11-03 (delt)');
    progress.step('Referat TRIO 2026-12-01 (delt)');
    progress.finish('Færdig: 2 referater.');
    expect(log.written.join('')).toBe('1/2 Referat TRIO 2026-11-03 (delt)\n2/2 Referat TRIO 2026-12-01 (delt)\nFærdig: 2 referater.\n');
  });

  it('is cut to the width of the terminal, so \\r can redraw it', () => {
    const narrow = { ...stream(true), columns: 40 };
    const progress = new Progress(narrow, 3);
    progress.step('Referat Udviklingsrådet på Egeskolen 2026-12-01 (fuld, fortrolig)');
    expect(progress.line('Referat Udviklingsrådet på Egeskolen 2026-12-01 (fuld, fortrolig)').length).toBeLessThan(40);
  });
});

describe('archive data with terminal control sequences', () => {
  const dir = freshDir();
  const archive = join(dir, 'a.sqlite');
  const on = (...args: string[]) => [...args, '--archive', archive];
  // Every control character but the newline that ends each line, and the direction overrides.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const ESCAPES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  beforeAll(() => {
    if (!existsSync(CLI)) return;
    ok(on('seed-demo'));
    // As an old version or a tampered file could have left it: straight into the archive, past the contract.
    const db = new Database(archive);
    db.prepare('UPDATE forum SET name = ?, school = ?').run('TRIO\u001b]0;evil\u0007', 'Bøgely\u001b[2J\u202Eelok');
    db.prepare('UPDATE meeting SET title = ?').run('Møde\u001b[31m rødt');
    db.close();
  }, 60_000);

  it('writes it escaped, never as control characters, on stdout and stderr', { timeout: 60_000 }, () => {
    const forums = ok(on('list-forums'));
    expect(forums.stdout).not.toMatch(ESCAPES);
    expect(forums.stdout).toContain('TRIO\\u001b]0;evil\\u0007  Bøgely\\u001b[2J\\u202eelok');
    const meetings = ok(on('list-meetings'));
    expect(meetings.stdout).not.toMatch(ESCAPES);
    expect(meetings.stdout).toContain('TRIO\\u001b]0;evil\\u0007');
    const forumId = lines(forums.stdout)[0]?.split(' ')[0] ?? '';

    const none = ok(on('export-referater', '--forum', forumId, '--from', '2001-01-01', '--to', '2001-02-01', '--out', join(dir, 'ingen'), '--variant', 'delt'));
    expect(none.stderr).not.toMatch(ESCAPES);
    expect(none.stderr).toContain('Ingen afholdte møder i TRIO\\u001b]0;evil\\u0007');

    const batch = ok(on('export-referater', '--forum', forumId, '--from', '2000-01-01', '--to', '2100-01-01', '--out', join(dir, 'referater'), '--variant', 'delt'));
    expect(batch.stderr).not.toMatch(ESCAPES);
    expect(batch.stderr).toMatch(/fra TRIO\\u001b\]0;evil\\u0007 er gemt/);
  });

  it('also in a progress label drawn on a terminal', () => {
    const written: string[] = [];
    const progress = new Progress({ write: (text: string) => written.push(text), isTTY: true, columns: 200 }, 1);
    progress.step('Referat \u001b[2J\u009b31m');
    progress.finish('Færdig \u0007');
    const out = written.join('');
    // Only the bar's own carriage return and erase-to-end are left.
    expect(out.replaceAll('\u001b[K', '').replaceAll('\r', '')).not.toMatch(ESCAPES);
    expect(out).toContain('Referat \\u001b[2J\\u009b31m');
  });
});
