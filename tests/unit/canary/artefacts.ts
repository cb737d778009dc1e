import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../electron/cli/main';
import type { Services } from '../../../electron/services/dispatch';
import type { Method } from '../../../shared/api/contract';
import type { GeneratedDocument } from '../../../shared/api/types';
import { partsOf } from '../docx-readback';
import { must } from '../support';

/** Something the app produces, as text to look through: a .docx part, a JSON answer, a file name, CLI output. */
export interface Artefact {
  name: string;
  text: string;
}

export interface Artefacts {
  /** What someone without the confidential right may see. */
  shared: Artefact[];
  /** The full variants, for the control: each live canary must show up in one of them. */
  full: Artefact[];
}

const json = (name: string, value: unknown): Artefact => ({ name, text: JSON.stringify(value) });

/**
 * Every part of a .docx (body, headers, footers, docProps, comments …), both as XML and as its text
 * with the tags taken out, so a token split over several runs is still found; and the file name.
 */
async function docx(name: string, doc: GeneratedDocument | Buffer, fileName?: string): Promise<Artefact[]> {
  const buffer = Buffer.isBuffer(doc) ? doc : Buffer.from(doc.base64, 'base64');
  const parts = await partsOf(buffer);
  const out: Artefact[] = [{ name: `${name}, filnavnet`, text: Buffer.isBuffer(doc) ? (fileName ?? '') : doc.fileName }];
  for (const [part, xml] of parts) out.push({ name: `${name} [${part}]`, text: `${xml}\n${xml.replace(/<[^>]*>/g, '')}` });
  return out;
}

/** Every shared and full artefact of an archive, read through the services (and the CLI when a path is given). */
export interface CollectOptions {
  /** Build the full Word documents too, for the control (they cost as much as the shared ones). */
  fullDocuments: boolean;
  /** Run the CLI's shared variants on this archive file. */
  cliArchive?: string | undefined;
}

export async function collect(services: Services, tokens: { secret: string[]; live: string[] }, options: CollectOptions): Promise<Artefacts> {
  const shared: Artefact[] = [];
  const full: Artefact[] = [];
  const call = <M extends Method>(method: M, input: unknown) => must(services, method, input);
  const sagIds = new Set<string>();
  const actionIds = new Set<string>();

  const forums = await call('forums.list', {});
  for (const forum of forums) {
    shared.push(json(`Årshjulet for ${forum.name}`, await call('forums.yearPlan', { forumId: forum.id, schoolYearStart: 2026 })));
    for (const summary of await call('meetings.list', { forumId: forum.id })) {
      const meetingId = summary.id;
      const where = `møde ${summary.startsAt.slice(0, 10)} i ${forum.name}`;
      shared.push(...(await docx(`Dagsorden til udsendelse, ${where}`, await call('documents.dagsorden', { meetingId, variant: 'delt' }))));
      shared.push(...(await docx(`Delt referat, ${where}`, await call('documents.referat', { meetingId, variant: 'delt' }))));
      shared.push(json(`Forhåndsvisning af det delte referat, ${where}`, await call('documents.referatPreview', { meetingId, variant: 'delt' })));
      shared.push(...(await docx(`Personaleresumé (Word), ${where}`, await call('documents.staffSummary', { meetingId }))));
      shared.push(json(`Personaleresumé som tekst, ${where}`, await call('documents.staffText', { meetingId })));
      // The projector with confidential display off, as the room sees it.
      await call('run.showConfidential', { meetingId, show: false });
      shared.push(json(`Projektorvisningen, ${where}`, await call('run.presenter', { meetingId })));
      const sharedFile = await call('exchange.export', { scope: 'moede', id: meetingId, variant: 'delt' });
      shared.push({ name: `Udvekslingsfilen til deling, ${where}`, text: `${sharedFile.fileName}\n${Buffer.from(sharedFile.base64, 'base64').toString('utf8')}` });

      const detail = await call('meetings.get', { meetingId });
      const seen = JSON.stringify(detail).toUpperCase();
      full.push({ name: `Mødet (meetings.get), ${where}`, text: seen });
      // The control needs the full documents only where the meeting holds live confidential content.
      if (options.fullDocuments && tokens.live.some((token) => seen.includes(token))) {
        full.push(...(await docx(`Fuld dagsorden, ${where}`, await call('documents.dagsorden', { meetingId, variant: 'fuld' }))));
        full.push(...(await docx(`Fuldt referat, ${where}`, await call('documents.referat', { meetingId, variant: 'fuld' }))));
      }
      for (const item of detail.items) {
        if (item.sag) sagIds.add(item.sag.id);
        const candidates = await call('sager.candidates', { itemId: item.id, text: '', includeConfidential: false });
        shared.push(json(`Forslag til sager (sager.candidates) for punkt ${item.position}, ${where}`, candidates));
      }
      for (const a of [...detail.items.flatMap((i) => i.actions), ...detail.otherActions, ...detail.followUp, ...detail.doneSinceLast]) actionIds.add(a.id);
    }
  }

  for (const sagId of sagIds) {
    shared.push(json(`Sagens forløb (sager.get uden lukkede punkter)`, await call('sager.get', { sagId, includeConfidential: false })));
    full.push(json(`Sagens forløb (sager.get med lukkede punkter)`, await call('sager.get', { sagId, includeConfidential: true })));
  }

  // Every secret token is searched for, so a hit that should not be there cannot hide on a later page.
  for (const text of [...tokens.secret, 'vikardækningen', 'Lukket', 'Fortroligt personalesagen']) {
    shared.push(json(`Søgning efter «${text}» uden lukkede punkter`, await call('search.query', { text, includeConfidential: false, limit: 100 })));
  }
  for (const text of tokens.live) full.push(json(`Søgning efter «${text}» med lukkede punkter`, await call('search.query', { text, includeConfidential: true, limit: 100 })));
  shared.push(json('Beslutningsloggen uden lukkede punkter', await call('decisions.list', { includeConfidential: false, limit: 200 })));
  full.push(json('Beslutningsloggen med lukkede punkter', await call('decisions.list', { includeConfidential: true, limit: 200 })));

  const actionsAll = await call('actions.list', { limit: 200 });
  full.push(json('Opfølgning (actions.list)', actionsAll));
  for (const row of actionsAll.rows) actionIds.add(row.id);
  for (const actionId of actionIds) full.push(json('Handlingens noter (actions.notes)', await call('actions.notes', { actionId })));

  for (const series of await call('listening.listSeries', {})) {
    const detail = await call('listening.getSeries', { seriesId: series.id });
    shared.push(json(`Lyttemødeserien «${series.title}»`, detail));
    shared.push(json(`Temaoversigten for «${series.title}»`, await call('listening.overview', { seriesId: series.id })));
    for (const meeting of detail.meetings) {
      shared.push(json(`Lyttemødet på ${meeting.school}`, await call('listening.getMeeting', { meetingId: meeting.id })));
      shared.push(...(await docx(`Tilbagemeldingsbrevet til ${meeting.school}`, await call('documents.feedbackLetter', { meetingId: meeting.id }))));
    }
  }

  const exchange = await call('exchange.export', { scope: 'arkiv' });
  full.push({ name: 'Udvekslingsfilen (fuld)', text: `${exchange.fileName}\n${Buffer.from(exchange.base64, 'base64').toString('utf8')}` });

  if (options.cliArchive) shared.push(...(await cliArtefacts(options.cliArchive, forums.map((f) => f.id))));
  return { shared, full };
}

/**
 * The CLI's shared variants, run in this process through its own entry with the output captured: the
 * listings, each meeting's dagsorden til udsendelse, each held meeting's referat and staff summary, a
 * forum's referater in one go, the shared beslutningslog (Word and CSV) and every sag's timeline. Its
 * output and every file it writes, and the files' names, are artefacts.
 */
async function cliArtefacts(archive: string, forumIds: string[]): Promise<Artefact[]> {
  const out: Artefact[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'samtalerum-kanari-cli-'));
  const run = async (args: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await main([...args, '--archive', archive], {
      out: (text) => (stdout += text),
      err: { isTTY: false, columns: 80, write: (text: string) => (stderr += text) },
    });
    if (code !== 0) throw new Error(`samtalerum ${args.join(' ')} gav afslutningskode ${code}: ${stderr}`);
    out.push({ name: `CLI: samtalerum ${args[0] ?? ''} ${args.includes('--meeting') ? 'for ét møde' : ''}`.trim(), text: `${stdout}\n${stderr}` });
    return stdout;
  };
  await run(['list-forums']);
  // list-meetings: short id first, status last.
  const meetings = (await run(['list-meetings'])).split('\n').filter((line) => line !== '').map((line) => line.split(/ {2,}/));
  for (const [n, row] of meetings.entries()) {
    const meetingId = row[0] ?? '';
    await run(['export-dagsorden', '--meeting', meetingId, '--variant', 'delt', '--out', join(dir, 'dagsorden', `${n}.docx`)]);
    // A meeting not yet held has no referat and no staff summary; the CLI refuses them.
    if (row.at(-1) !== 'afholdt') continue;
    await run(['export-referat', '--meeting', meetingId, '--variant', 'delt', '--out', join(dir, 'enkelt', `${n}.docx`)]);
    await run(['export-personaleresume', '--meeting', meetingId, '--out', join(dir, 'resume', `${n}.docx`)]);
    await run(['export-personaleresume', '--meeting', meetingId, '--out', join(dir, 'resume', `${n}.txt`)]);
  }
  for (const [n, forumId] of forumIds.entries()) {
    await run(['export-referater', '--forum', forumId, '--from', '2000-01-01', '--to', '2100-12-31', '--variant', 'delt', '--out', join(dir, `forum-${n}`)]);
  }
  await run(['export-beslutningslog', '--variant', 'delt', '--out', join(dir, 'beslutningslog.docx')]);
  await run(['export-beslutningslog', '--variant', 'delt', '--out', join(dir, 'beslutningslog.csv')]);
  const sager = (await run(['vis-sag'])).split('\n').filter((line) => line !== '');
  for (const line of sager) await run(['vis-sag', line.split(' ')[0] ?? '']);
  for (const file of filesUnder(dir)) {
    const name = file.slice(dir.length + 1);
    if (file.endsWith('.docx')) out.push(...(await docx(`CLI-fil ${name}`, readFileSync(file), name)));
    else out.push({ name: `CLI-fil ${name}`, text: `${name}\n${readFileSync(file, 'utf8')}` });
  }
  rmSync(dir, { recursive: true, force: true });
  return out;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
