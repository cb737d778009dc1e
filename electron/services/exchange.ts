import type { GeneratedDocument, ImportSummary } from '../../shared/api/types';
import { isBuiltInItemType } from '../../shared/domain/items';
import { readReferatSnapshot } from '../../shared/domain/referatSnapshot';
import type { Variant } from '../../shared/domain/variant';
import {
  EXCHANGE_FORMAT,
  EXCHANGE_FORMAT_VERSION,
  fieldProblem,
  parseExchange,
  serializeExchange,
  type ExchangeFile,
} from '../../shared/exchange/format';
import type { SqliteDb } from '../archive/open';
import { withReadIndexesDeferred } from '../archive/bulkIndexes';
import { withChangesUntracked } from '../archive/changes';
import { searchDocumentCount, withIndexingSuspended } from '../archive/searchIndexing';
import { formatDanishDay } from '../export/danishDay';
import { EXCHANGE_TABLES, readExchange, rowCounts, searchScope, writeExchange, type ExchangeContent } from '../archive/queries/exchange';
import {
  decisionIdsOnItems,
  forumWithName,
  forumsOfSeries,
  itemTypeWithLabel,
  personName,
  presentKeys,
  referatVersionIds,
  sameMeetingUnderOtherId,
  themeWithNameUnderOtherId,
} from '../archive/queries/exchangeLookups';
import type { ErrorCode } from '../../shared/api/envelope';
import { checkApprover, type ApprovalRefusal } from './approvalRules';
import { ServiceError, notFound } from './errors';
import { decodeExchangeBytes } from './exchangeText';
import { sharedExchange } from './exchangeShared';
import { findForum } from '../archive/queries/forums';
import { closeCarriedCopies, closedItemIds } from '../archive/queries/items';
import { themeKey } from '../../shared/domain/listening';
import { mergeSharedCopy, readSharedCopy, type ForumMerge } from '../sync/importMerge';
import { itemNameInMessage } from './redaction';
import type { Handlers } from './handler';

/**
 * The exchange file (docs/udveksling.md): export one meeting, one forum or the whole archive as JSON,
 * and import such a file. An import checks the whole file, and what it refers to in the archive,
 * before it writes the first row; dispatch runs the writes in one transaction, so an import is all
 * or nothing. Rows keep their ids, so importing the same file again adds nothing.
 */
export const exchangeHandlers: Handlers<'exchange.export' | 'exchange.import'> = {
  'exchange.export': ({ scope, id, variant }, ctx): GeneratedDocument => {
    const content = readExchange(ctx.archive.db, scope, id);
    if (!content) throw notFound(scope === 'moede' ? 'Mødet' : 'Forummet', 'id');
    const shared = variant === 'delt' ? sharedExchange(ctx, content) : content;
    const file: ExchangeFile = { format: EXCHANGE_FORMAT, formatVersion: EXCHANGE_FORMAT_VERSION, scope, ...shared };
    return {
      fileName: fileName(file, variant),
      mimeType: 'application/json',
      base64: Buffer.from(serializeExchange(file), 'utf8').toString('base64'),
    };
  },

  'exchange.import': ({ content, base64, keepBoth }, ctx): ImportSummary => {
    const { db } = ctx.archive;
    const raw = parseJson(content ?? fileText(base64 ?? ''));
    const parsed = parseExchange(raw);
    if (!parsed.ok) throw new ServiceError('ugyldigt_input', parsed.message, parsed.field);
    checkAgainstArchive(db, parsed.file, raw);
    if (!keepBoth) refuseMeetingsUnderOtherIds(db, parsed.file);
    const before = rowCounts(db);
    // A forum shared with others is merged with, not overwritten (sync/importMerge.ts); a series' forum is the
    // archive's too, for a file from before the series became a forum.
    const series = parsed.file.listeningSeries;
    const sharedCopy = readSharedCopy(db, {
      forumIds: [
        ...parsed.file.forums.map((f) => f.id),
        ...series.flatMap((s) => (s.forumId === null ? [] : [s.forumId])),
        ...forumsOfSeries(db, series.map((s) => s.id)),
      ],
      meetings: parsed.file.meetings.map((m) => ({ id: m.id, forumId: m.forumId })),
    });
    if (writesInBulk(db, parsed.file)) {
      const write = () => withReadIndexesDeferred(db, () => writeExchange(db, parsed.file));
      withChangesUntracked(db, () => withIndexingSuspended(db, searchScope(parsed.file), write));
    } else {
      writeExchange(db, parsed.file);
    }
    const merges = sharedCopy ? mergeSharedCopy(db, sharedCopy) : [];
    // An item the file holds open that the archive holds closed was closed where the file never heard of it: the
    // copies the file carried it to are closed, as closing it here would have closed them.
    const openInFile = parsed.file.meetings.flatMap((m) => m.items.filter((i) => !i.confidential).map((i) => i.id));
    for (const id of closedItemIds(db, openInFile)) closeCarriedCopies(db, id);
    // Checked on what the archive holds now, file and archive together, with the rule the app approves by;
    // dispatch rolls the whole import back when it refuses.
    refuseApprovalsAgainstRules(db, parsed.file, raw);
    const after = rowCounts(db);
    const added = EXCHANGE_TABLES.reduce((sum, table) => sum + (after[table] ?? 0) - (before[table] ?? 0), 0);
    return {
      forums: parsed.file.forums.length,
      meetings: parsed.file.meetings.length,
      added,
      alreadyPresent: rowsIn(parsed.file) - added,
      unmetNorms: unmetNormsIn(parsed.file),
      merged: merges.map((merge) => mergeSentence(findForum(db, merge.forumId)?.name ?? merge.forumId, merge)),
    };
  },
};

/** The file's items lacking forvarsel or consent, named as a message names them (a closed item only as «Lukket punkt»). */
function unmetNormsIn(file: ExchangeFile): string[] {
  return file.meetings.flatMap((meeting) => {
    // Named once and only when something is unmet: a whole archive's file has thousands of meetings.
    let named: string | undefined;
    const where = () => (named ??= `${meeting.title} ${formatDanishDay(meeting.startsAt.slice(0, 10))}`);
    return meeting.items.flatMap((item) => {
      const unmet = [
        item.sensitive && item.forvarselAt === null ? 'forvarsel er ikke givet' : '',
        item.addedLate && item.consentAt === null ? 'kom på efter udsendelsen uden samtykke' : '',
      ].filter((what) => what !== '');
      return unmet.map((what) => `${where()}, punkt ${item.position} ${itemNameInMessage(item)}: ${what}.`);
    });
  });
}

/** What the merge into a shared forum did, in one Danish sentence for the summary. */
function mergeSentence(forumName: string, merge: ForumMerge): string {
  const kept = [
    merge.textsMerged > 0 ? `filens ord er lagt til forummets i ${count(merge.textsMerged, 'tekst', 'tekster')}` : '',
    merge.valuesKept > 0 ? `${count(merge.valuesKept, 'felt', 'felter')} beholdt forummets værdi, hvor filen havde en anden` : '',
    merge.rowsKept > 0 ? `${count(merge.rowsKept, 'post', 'poster')}, som filen ikke havde, blev stående` : '',
  ].filter((part) => part !== '');
  const what = kept.length === 0 ? 'filen havde intet, der stred mod forummet' : kept.join('; ');
  return (
    `Forummet «${forumName}» deles med andre, så filen blev flettet ind i stedet for at overskrive: det nye i filen kom til; ${what}. ` +
    'Intet af det, de andre har skrevet, er slettet, og det flettede sendes til dem, når der er forbindelse.'
  );
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * "Samtalerum TRIO Egeskolen 2026-12-01-fortroligt.json": says what is in the file, sorts by date in a
 * folder, and says when it holds closed items (a meeting's full file always says so) or is the shared one.
 */
function fileName(file: ExchangeFile, variant: Variant): string {
  const closed = file.scope === 'moede' || file.meetings.some((m) => m.items.some((i) => i.confidential));
  const mark = variant === 'delt' ? '-delt' : closed ? '-fortroligt' : '';
  const forum = file.forums[0];
  if (file.scope === 'arkiv' || !forum) return `Samtalerum arkiv${mark}.json`;
  const safe = (value: string) => value.replace(/[\\/:*?"<>|]+/g, '-').trim();
  const date = file.scope === 'moede' ? ` ${file.meetings[0]?.startsAt.slice(0, 10) ?? ''}` : '';
  return `Samtalerum ${safe(forum.name)} ${safe(forum.school)}${date}${mark}.json`.replace(/\s+/g, ' ');
}

function parseJson(content: string): unknown {
  try {
    // Editors on Windows may save a byte order mark, which is not part of the JSON.
    return JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? /line (\d+) column (\d+)/.exec(error.message) : null;
    const where = detail ? ` Fejlen er i linje ${detail[1]}, tegn ${detail[2]}.` : '';
    throw new ServiceError(
      'ugyldigt_input',
      `Filen er ikke gyldig JSON, så den kan ikke læses som en udvekslingsfil. Den er måske beskadiget eller ufuldstændig.${where} Intet blev indlæst.`,
      'content',
    );
  }
}

/** The bytes of the file as the user chose it; anything but UTF-8 is refused with what it looks like instead. */
function fileText(base64: string): string {
  const decoded = decodeExchangeBytes(Buffer.from(base64, 'base64'));
  if (!decoded.ok) throw new ServiceError('ugyldigt_input', decoded.message, 'base64');
  return decoded.text;
}

/**
 * A file that brings a good part of the archive (a whole archive, a large forum) is written with the
 * search indexes rebuilt once at the end (archive/searchIndexing.ts), the large tables' read indexes
 * built once after the rows (archive/bulkIndexes.ts), and announced as «everything
 * changed» instead of row by row (archive/changes.ts). The rebuild reads every document of the
 * archive, so a small file (a meeting) is cheaper row by row.
 */
const BULK_MIN_DOCUMENTS = 1_000;

function writesInBulk(db: SqliteDb, file: ExchangeContent): boolean {
  let documents = file.forums.reduce((sum, f) => sum + f.actions.length, 0);
  for (const m of file.meetings) {
    documents += 1 + m.items.length + m.actions.length + m.items.filter((item) => item.decision !== null).length;
  }
  return documents >= BULK_MIN_DOCUMENTS && documents * 4 >= searchDocumentCount(db);
}

/** How many rows the file holds; the ones not added were already in the archive. */
function rowsIn(file: ExchangeContent): number {
  let rows = file.itemTypes.length + file.persons.length + file.sager.length;
  for (const f of file.forums) {
    rows += 1 + f.colours.length + f.groundRules.length + f.members.length + f.themes.length + f.actions.length;
    for (const a of f.actions) rows += a.notes.length;
  }
  for (const m of file.meetings) {
    rows += 1 + m.participants.length + m.items.length + m.actions.length + m.checkout.length;
    for (const a of m.actions) rows += a.notes.length;
    for (const item of m.items) rows += (item.decision ? 1 + item.decision.dissents.length : 0) + item.consents.length + item.comments.length;
    for (const v of m.referat) rows += 1 + v.approvals.length;
  }
  for (const s of file.listeningSeries) {
    rows += 1 + s.themes.length + s.meetings.length;
    for (const m of s.meetings) for (const input of m.inputs) rows += 1 + input.themes.length;
  }
  return rows;
}

type Path = (string | number)[];

/**
 * What the file refers to must be in the file or already in the archive, and a row that is new to
 * the archive may not take a place another row holds (a forum's name, an item's decision, a
 * referat's version number). Each problem is reported where it is in the file.
 */
function checkAgainstArchive(db: SqliteDb, file: ExchangeFile, raw: unknown): void {
  const refuse = (code: ErrorCode, path: Path, message: string): never => {
    const problem = fieldProblem(raw, path, message);
    throw new ServiceError(code, problem.message, problem.field);
  };

  const typeKeys = file.itemTypes.map((t) => t.key);
  file.itemTypes.forEach((t, i) => {
    if (itemTypeWithLabel(db, t.label, typeKeys) !== null) {
      refuse('konflikt', ['itemTypes', i, 'label'], `Arkivet har allerede en anden punkttype, der hedder «${t.label}».`);
    }
  });

  const forumIds = file.forums.map((f) => f.id);
  file.forums.forEach((f, i) => {
    if (forumWithName(db, f.name, f.school, forumIds) !== null) {
      refuse(
        'konflikt',
        ['forums', i, 'name'],
        `Arkivet har allerede et andet forum med navnet «${f.name}» på ${f.school}. Omdøb det ene forum, og prøv igen.`,
      );
    }
  });

  const filePersons = new Set(file.persons.map((p) => p.id));
  const referenced = [
    ...file.forums.flatMap((f) => f.members.map((m) => m.personId)),
    ...file.meetings.flatMap((m) => [
      ...m.participants.map((p) => p.personId),
      ...m.referat.flatMap((v) => v.approvals.map((a) => a.personId)),
      ...m.items.flatMap((item) => item.consents.map((c) => c.personId)),
    ]),
  ];
  const archivePersons = presentKeys(db, 'person', referenced.filter((id) => !filePersons.has(id)));
  const personKnown = (id: string) => filePersons.has(id) || archivePersons.has(id);
  const missingPerson = 'Personen findes hverken i filen eller i arkivet.';
  file.forums.forEach((f, i) =>
    f.members.forEach((m, j) => {
      if (!personKnown(m.personId)) refuse('ugyldigt_input', ['forums', i, 'members', j, 'personId'], missingPerson);
    }),
  );

  const archiveForums = presentKeys(db, 'forum', file.meetings.map((m) => m.forumId).filter((id) => !forumIds.includes(id)));
  const fileTypes = new Set(typeKeys);
  const usedTypes = file.meetings.flatMap((m) => m.items.map((item) => item.type));
  const archiveTypes = presentKeys(db, 'item_type', usedTypes.filter((key) => !isBuiltInItemType(key) && !fileTypes.has(key)));
  const decisionsHere = decisionIdsOnItems(
    db,
    file.meetings.flatMap((m) => m.items.flatMap((item) => (item.decision ? [item.id] : []))),
  );
  const versionsHere = referatVersionIds(
    db,
    file.meetings.flatMap((m) => (m.referat.length > 0 ? [m.id] : [])),
  );

  const seriesForums = presentKeys(db, 'forum', file.listeningSeries.flatMap((s) => (s.forumId === null || forumIds.includes(s.forumId) ? [] : [s.forumId])));
  file.listeningSeries.forEach((s, i) => {
    if (s.forumId !== null && !forumIds.includes(s.forumId) && !seriesForums.has(s.forumId)) {
      refuse('ugyldigt_input', ['listeningSeries', i, 'forumId'], 'Forummet findes hverken i filen eller i arkivet.');
    }
    const themeIds = s.themes.map((t) => t.id);
    s.themes.forEach((t, j) => {
      if (themeWithNameUnderOtherId(db, s.id, themeKey(t.name), themeIds) !== null) {
        refuse(
          'konflikt',
          ['listeningSeries', i, 'themes', j, 'name'],
          `Serien har allerede et andet tema, der hedder «${t.name}», i arkivet. Omdøb det ene tema, og prøv igen.`,
        );
      }
    });
  });

  file.meetings.forEach((m, i) => {
    const at = (...rest: Path): Path => ['meetings', i, ...rest];
    if (!forumIds.includes(m.forumId) && !archiveForums.has(m.forumId)) {
      refuse('ugyldigt_input', at('forumId'), 'Forummet findes hverken i filen eller i arkivet.');
    }
    m.participants.forEach((p, j) => {
      if (!personKnown(p.personId)) refuse('ugyldigt_input', at('participants', j, 'personId'), missingPerson);
    });
    m.items.forEach((item, j) => {
      item.consents.forEach((c, k) => {
        if (!personKnown(c.personId)) refuse('ugyldigt_input', at('items', j, 'consents', k, 'personId'), missingPerson);
      });
      if (!isBuiltInItemType(item.type) && !fileTypes.has(item.type) && !archiveTypes.has(item.type)) {
        refuse('ugyldigt_input', at('items', j, 'type'), `Punkttypen «${item.type}» findes hverken i filen eller i arkivet.`);
      }
      const decisionHere = item.decision ? decisionsHere.get(item.id) : undefined;
      if (item.decision && decisionHere !== undefined && decisionHere !== item.decision.id) {
        refuse(
          'konflikt',
          at('items', j, 'decision', 'id'),
          'Punktet har allerede en anden beslutning i arkivet. Samtalerum overskriver ikke en beslutning med en anden; ret den ene til, og prøv igen.',
        );
      }
    });
    m.referat.forEach((v, j) => {
      const held = versionsHere.get(m.id)?.get(v.version);
      if (held !== undefined && held !== v.id) {
        refuse(
          'konflikt',
          at('referat', j, 'version'),
          `Mødet har allerede en anden version ${v.version} af referatet i arkivet, så de to referater kan ikke lægges sammen.`,
        );
      }
      // The frozen referat is read the way the documents read it, so a file the app cannot show is refused here.
      const frozen = v.snapshot === null ? null : readReferatSnapshot(v.snapshot);
      if (frozen && !frozen.ok) refuse('ugyldigt_input', at('referat', j, 'snapshot'), frozen.message);
      v.approvals.forEach((a, k) => {
        if (!personKnown(a.personId)) refuse('ugyldigt_input', at('referat', j, 'approvals', k, 'personId'), missingPerson);
      });
    });
  });
}

/** "1. december 2026 kl. 14.00", for a meeting's local start. */
function meetingTime(startsAt: string): string {
  return `${formatDanishDay(startsAt.slice(0, 10))} kl. ${startsAt.slice(11, 16).replace(':', '.')}`;
}

/** The first eight characters of an id: enough to tell two meetings apart in a message. */
const shortId = (id: string) => id.slice(0, 8);

/**
 * A meeting the archive has under another id (same forum, start and title) is most likely the same
 * meeting planned on two laptops; importing it would show it twice. The user decides: keepBoth
 * imports it as a second meeting. Only meetings new to the archive are compared. The error's field
 * is keepBoth, the input that resolves it.
 */
function refuseMeetingsUnderOtherIds(db: SqliteDb, file: ExchangeFile): void {
  const fileIds = file.meetings.map((m) => m.id);
  // A meeting the archive has under its own id is not new; the user kept both once already.
  const present = presentKeys(db, 'meeting', fileIds);
  const inFile = new Set(fileIds);
  for (const m of file.meetings) {
    if (present.has(m.id)) continue;
    const other = sameMeetingUnderOtherId(db, m, inFile);
    if (other === null) continue;
    throw new ServiceError(
      'konflikt',
      `Arkivet har allerede mødet «${other.title}» ${meetingTime(other.startsAt)} i samme forum (id ${shortId(other.id)}…), ` +
        `og filen har mødet «${m.title}» samme tid under et andet id (${shortId(m.id)}…). Det er nok det samme møde, planlagt på to computere. ` +
        'Vælg at beholde begge, hvis det er to forskellige møder; ellers så ret titlen eller tidspunktet på det ene, og prøv igen. Intet blev indlæst.',
      'keepBoth',
    );
  }
}

/**
 * The file's referat approvals follow the app's rule (approvalRules): a referat is approved only
 * after the meeting is held, and only by the forum's agenda owners on the day of the meeting. An
 * approval that breaks it refuses the whole file: importing the rest without it would turn an
 * approved referat into a draft nobody asked for, and importing it as it is would show an approval
 * the app could never have given.
 */
function refuseApprovalsAgainstRules(db: SqliteDb, file: ExchangeFile, raw: unknown): void {
  const refuse = (path: Path, message: string): never => {
    const problem = fieldProblem(raw, path, message);
    throw new ServiceError('konflikt', problem.message, problem.field);
  };
  file.meetings.forEach((m, i) =>
    m.referat.forEach((v, j) => {
      const at = (...rest: Path): Path => ['meetings', i, 'referat', j, ...rest];
      if (v.status === 'godkendt' && m.status !== 'afholdt') {
        refuse(at('status'), `Referatet (version ${v.version}) står som godkendt, men mødet er ikke afholdt. Et referat godkendes først efter mødet.`);
      }
      v.approvals.forEach((a, k) => {
        const check = checkApprover(db, m, a.personId);
        if (check.ok) return;
        const who = `«${personName(db, a.personId) ?? a.personId}»`;
        const day = formatDanishDay(m.startsAt.slice(0, 10));
        const why: Record<ApprovalRefusal, string> = {
          ikke_afholdt: `${who} står som godkender af referatet (version ${v.version}), men mødet er ikke afholdt. Et referat godkendes først efter mødet.`,
          ingen_ejere: `${who} står som godkender af referatet (version ${v.version}), men forummet havde ingen dagsordensejere på mødedagen (${day}), så ingen kunne godkende det.`,
          ikke_ejer: `${who} står som godkender af referatet (version ${v.version}), men var ikke dagsordensejer i forummet på mødedagen (${day}). Kun dagsordensejerne på mødedagen godkender referatet.`,
        };
        refuse(at('approvals', k, 'personId'), why[check.reason]);
      });
    }),
  );
}
