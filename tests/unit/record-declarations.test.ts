import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as z from 'zod';
import { openArchive } from '../../electron/archive/open';
import { FILE_ITEMS, FILE_MEETINGS, FILE_RECORD_LAYOUTS } from '../../electron/archive/queries/exchangeRecords';
import { readFileRecords, writeFileRecord } from '../../electron/archive/queries/exchangeRows';
import { FORUM_RECORDS } from '../../electron/sync/codec/forumRecords';
import { ITEMS, MEETING, MEETING_RECORDS } from '../../electron/sync/codec/meetingRecords';
import { readRecord, selectColumns, writeRecord } from '../../electron/sync/records';
import { LIMITS } from '../../shared/api/limits';
import { text as fileText, yesNo } from '../../shared/exchange/fileFields';
import {
  exchangeActionNote,
  exchangeApproval,
  exchangeCheckoutTally,
  exchangeColour,
  exchangeComment,
  exchangeConsent,
  exchangeDecision,
  exchangeDissent,
  exchangeForum,
  exchangeForumAction,
  exchangeGroundRules,
  exchangeItem,
  exchangeItemType,
  exchangeListeningInput,
  exchangeListeningInputTheme,
  exchangeListeningMeeting,
  exchangeListeningSeries,
  exchangeListeningTheme,
  exchangeMeeting,
  exchangeMeetingAction,
  exchangeMember,
  exchangeParticipant,
  exchangePerson,
  exchangeReferatVersion,
  exchangeSag,
  exchangeTheme,
} from '../../shared/exchange/format';
import { declaredShape } from '../../shared/exchange/recordShape';
import { flag, text, type FieldCodec, type RecordCodec } from '../../shared/records/fields';
import { ITEM_FIELDS, MEETING_FIELDS } from '../../shared/records/meetingFields';
import { must, servicesWithArchive, tempArchivePath } from './support';

/**
 * Each record type's fields are declared once (shared/records/): the archive's columns, the shared
 * documents' fields and the exchange file's fields and checks all come from that one declaration.
 */

const CODECS: readonly RecordCodec[] = [...FORUM_RECORDS, ...MEETING_RECORDS];

/** Columns a shared document does not carry, and why; everything else in these tables is declared. */
const NOT_IN_DOCUMENTS: Readonly<Record<string, readonly string[]>> = {
  // Which document a row belongs in, and its place: given by the document's name and the record's key.
  agenda_item: ['meeting_id'],
  action: ['forum_id'],
  forum_colour: ['forum_id'],
  forum_member: ['forum_id'],
  forum_theme: ['forum_id'],
  ground_rules: ['forum_id'],
  meeting: ['forum_id'],
  meeting_participant: ['meeting_id'],
  checkout_tally: ['meeting_id'],
  referat_version: ['meeting_id'],
  listening_series: ['forum_id'],
  // The agenda item an input was sent to on this laptop: an item of another forum, which the other laptop need not hold.
  listening_input: ['sent_item_id'],
};

/** Each exchange record with the record type's declaration and the keys the format adds around it. */
const FILE_RECORDS: readonly { type: string; schema: z.ZodObject; around: readonly string[]; leftOut?: readonly string[] }[] = [
  { type: 'punkttyper', schema: exchangeItemType, around: [] },
  { type: 'personer', schema: exchangePerson, around: ['id'] },
  { type: 'farver', schema: exchangeColour, around: [] },
  { type: 'spilleregler', schema: exchangeGroundRules, around: [] },
  { type: 'medlemmer', schema: exchangeMember, around: ['id'] },
  { type: 'temaer', schema: exchangeTheme, around: ['id'] },
  { type: 'sager', schema: exchangeSag, around: ['id'] },
  { type: 'forum', schema: exchangeForum, around: ['id', 'colours', 'groundRules', 'members', 'themes', 'actions'] },
  { type: 'moede', schema: exchangeMeeting, around: ['id', 'forumId', 'participants', 'items', 'actions', 'checkout', 'referat'] },
  { type: 'punkter', schema: exchangeItem, around: ['id', 'position', 'decision', 'consents', 'comments'] },
  { type: 'samtykker', schema: exchangeConsent, around: [] },
  { type: 'kommentarer', schema: exchangeComment, around: ['id'] },
  { type: 'beslutninger', schema: exchangeDecision, around: ['id', 'dissents'] },
  { type: 'dissenser', schema: exchangeDissent, around: ['id'] },
  { type: 'deltagere', schema: exchangeParticipant, around: ['position'] },
  { type: 'checkout', schema: exchangeCheckoutTally, around: [] },
  { type: 'referatversioner', schema: exchangeReferatVersion, around: ['id', 'approvals'] },
  { type: 'godkendelser', schema: exchangeApproval, around: [] },
  { type: 'handlinger', schema: exchangeMeetingAction, around: ['id', 'notes'] },
  { type: 'handlinger', schema: exchangeForumAction, around: ['id', 'notes'], leftOut: ['itemId'] },
  { type: 'handlingsnoter', schema: exchangeActionNote, around: ['id'] },
  { type: 'lytteserier', schema: exchangeListeningSeries, around: ['id', 'forumId', 'themes', 'meetings'] },
  { type: 'lyttemoeder', schema: exchangeListeningMeeting, around: ['id', 'inputs'] },
  { type: 'lyttetemaer', schema: exchangeListeningTheme, around: ['id'] },
  { type: 'lytteinput', schema: exchangeListeningInput, around: ['id', 'position', 'themes'] },
  { type: 'lytteinputtemaer', schema: exchangeListeningInputTheme, around: [] },
];

function codecOf(type: string): RecordCodec {
  const codec = CODECS.find((c) => c.type === type);
  if (!codec) throw new Error(`Ingen posttype ${type}.`);
  return codec;
}

/** The file's keys a declaration gives, grouped fields under their group. */
function fileKeys(fields: readonly FieldCodec[], leftOut: readonly string[] = []): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const { file } of fields) {
    if (!file || leftOut.includes(file.name)) continue;
    const where = file.within ?? '';
    keys.set(where, [...(keys.get(where) ?? []), file.name]);
  }
  return keys;
}

describe('én erklæring pr. posttype', () => {
  it('hver kolonne i de delte tabeller er erklæret præcis én gang: som nøgle, felt, orden eller dokumentets sammenhæng', () => {
    const archive = openArchive(tempArchivePath());
    try {
      for (const codec of CODECS) {
        const columns = (archive.db.prepare(`SELECT name FROM pragma_table_info('${codec.table}')`).pluck().all() as string[]).sort();
        const declared = [
          ...codec.key.filter((column) => !codec.fields.some((f) => f.column === column)),
          ...codec.fields.map((f) => f.column),
          ...(codec.order ? [codec.order.column] : []),
          ...(NOT_IN_DOCUMENTS[codec.table] ?? []),
        ];
        expect(declared.sort(), codec.table).toEqual(columns);
        expect(new Set(codec.fields.map((f) => f.field)).size, `${codec.table}: to felter med samme navn i dokumentet`).toBe(codec.fields.length);
      }
    } finally {
      archive.close();
    }
  });

  it('udvekslingsfilens poster er de erklærede felter med filens navne og kontroller, i den erklærede rækkefølge', () => {
    for (const { type, schema, around, leftOut } of FILE_RECORDS) {
      const codec = codecOf(type);
      const keys = fileKeys(codec.fields, leftOut);
      const shape = schema.shape as Record<string, z.ZodType>;
      const declaredHere = Object.keys(shape).filter((key) => !around.includes(key));
      const flatAndGroups = [...(keys.get('') ?? []), ...[...keys.keys()].filter((k) => k !== '')];
      expect(new Set(declaredHere), type).toEqual(new Set(flatAndGroups));
      // The declared fields stand in the order declared (the bytes of a file depend on it).
      expect(
        declaredHere.filter((key) => keys.get('')?.includes(key)),
        type,
      ).toEqual(keys.get('') ?? []);
      for (const field of codec.fields) {
        if (!field.file || leftOut?.includes(field.file.name)) continue;
        const holder = field.file.within ? (shape[field.file.within] as z.ZodObject).shape : shape;
        expect(holder[field.file.name], `${type}.${field.file.name}`).toBe(field.file.schema);
      }
    }
  });

  it('hver posttype i de delte dokumenter står i udvekslingsfilen, også samtykker, kommentarer og lyttemøderne', () => {
    const inFile = new Set(FILE_RECORD_LAYOUTS.map((layout) => layout.codec.table));
    const missing = CODECS.filter((codec) => !inFile.has(codec.table)).map((codec) => codec.table);
    expect(missing).toEqual([]);
    for (const table of ['item_consent', 'item_comment', 'listening_series', 'listening_meeting', 'listening_theme', 'listening_input', 'listening_input_theme']) {
      const layout = FILE_RECORD_LAYOUTS.find((l) => l.codec.table === table);
      // Every declared column but the one the record's place in the file gives (its item) is in the file.
      const declared = layout?.codec.fields.filter((f) => !(layout.given ?? []).includes(f.column)) ?? [];
      expect(declared.length, table).toBeGreaterThan(0);
      for (const field of declared) expect(field.file, `${table}.${field.column}`).toBeDefined();
    }
  });

  it('et felt, der tilføjes i én erklæring, når arkivets kolonner, dokumentet og udvekslingsfilen med dens kontrol', () => {
    const fields = [...ITEM_FIELDS, text('follow_up_note', { file: fileText('Opfølgningen', LIMITS.shortText, 'many') })] as const;
    const codec: RecordCodec = { ...ITEMS, fields };

    // The archive: the column is read and written with the others.
    expect(selectColumns(codec)).toContain('follow_up_note');

    // The document: a text field that merges character by character.
    const doc = new Y.Doc();
    const record = doc.getMap('punkt');
    writeRecord(record, codec, { followUpNote: 'Vi ser på det igen i maj.' }, undefined);
    expect(record.get('followUpNote')).toBeInstanceOf(Y.Text);
    expect(readRecord(record, codec).values['followUpNote']).toBe('Vi ser på det igen i maj.');

    // The exchange file: the field, with its check and its Danish message.
    const file = z.strictObject(declaredShape(fields));
    expect(Object.keys(file.shape)).toContain('followUpNote');
    const refused = file.shape.followUpNote.safeParse(42);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('Opfølgningen skal være tekst.');
  });

  it('udvekslingsfilens rækker: hvert erklæret felt, filen har, står i filens post eller gives af postens plads', () => {
    for (const layout of FILE_RECORD_LAYOUTS) {
      const shape = layout.schema.shape as Record<string, z.ZodType>;
      for (const field of layout.codec.fields) {
        if (!field.file) continue;
        const holder = field.file.within ? (shape[field.file.within] as z.ZodObject | undefined)?.shape : shape;
        const inRecord = holder?.[field.file.name] === field.file.schema;
        // A forum's own action leaves its item out of the file; its place there says it has none.
        expect(inRecord || (layout.given ?? []).includes(field.column), `${layout.codec.table}.${field.column}`).toBe(true);
      }
      const declared = new Set(layout.codec.fields.map((f) => f.column));
      for (const column of [...Object.keys(layout.around ?? {}), ...(layout.given ?? [])]) {
        // What the layout adds around the declared fields is a real column: a key, the order or the record's place.
        const ofTable = [...layout.codec.key, ...declared, ...Object.keys(layout.codec.context), layout.codec.order?.column];
        expect(ofTable, `${layout.codec.table}: ${column}`).toContain(column);
      }
    }
  });

  it('et felt, der tilføjes i én erklæring (og dens migrering), læses og skrives af udvekslingsfilen uden flere ændringer', async () => {
    const { services, archive } = servicesWithArchive();
    try {
      const forum = await must(services, 'forums.create', { kind: 'trio', name: 'TRIO', school: 'Egeskolen' });
      const meeting = await must(services, 'meetings.create', { forumId: forum.id, title: 'TRIO-møde', startsAt: '2026-12-01T14:00', durationMinutes: 90 });
      const item = await must(services, 'agenda.addItem', { meetingId: meeting.id, title: 'Vikardækning', type: 'droeftelse', minutes: 15 });
      // The migration a new field comes with.
      archive.db.exec("ALTER TABLE agenda_item ADD COLUMN follow_up_note TEXT NOT NULL DEFAULT ''");
      archive.db.exec('ALTER TABLE meeting ADD COLUMN projector_dimmed INTEGER NOT NULL DEFAULT 0');

      // The declarations, each with one field more: a text on the item, a flag in the meeting's run.
      const itemFields = [...ITEM_FIELDS, text('follow_up_note', { file: fileText('Opfølgningen', LIMITS.shortText, 'many') })] as const;
      const meetingFields = [...MEETING_FIELDS, flag('projector_dimmed', { file: yesNo('Dæmpet projektor'), within: 'run' })] as const;
      const items = {
        ...FILE_ITEMS,
        codec: { ...ITEMS, fields: itemFields },
        schema: z.strictObject(declaredShape(itemFields, { first: { id: exchangeItem.shape.id, position: exchangeItem.shape.position }, last: { decision: exchangeItem.shape.decision } })),
      };
      const meetings = {
        ...FILE_MEETINGS,
        codec: { ...MEETING, fields: meetingFields },
        schema: z.strictObject(
          declaredShape(meetingFields, { first: { id: exchangeMeeting.shape.id, forumId: exchangeMeeting.shape.forumId } }),
        ),
      };

      // Read: the new fields stand in the file where the declaration puts them, from the archive's columns.
      archive.db.prepare("UPDATE agenda_item SET follow_up_note = 'Vi ser på det igen i maj.' WHERE id = ?").run(item.id);
      archive.db.prepare('UPDATE meeting SET projector_dimmed = 1 WHERE id = ?').run(meeting.id);
      const [read] = readFileRecords(archive.db, items, 'id = ?', [item.id], () => ({ decision: null }));
      expect(read?.followUpNote).toBe('Vi ser på det igen i maj.');
      expect(Object.keys(read ?? {}).slice(-2)).toEqual(['followUpNote', 'decision']);
      const [readMeeting] = readFileRecords(archive.db, meetings, 'id = ?', [meeting.id]);
      expect(readMeeting?.run).toMatchObject({ phase: 'ikke_startet', projectorDimmed: true });
      expect(Object.keys(readMeeting?.run ?? {}).at(-1)).toBe('projectorDimmed');

      // Written: the file's values reach the columns, converted as the declaration's check says (a flag is 0/1).
      if (!read || !readMeeting) throw new Error('Posterne blev ikke læst.');
      writeFileRecord(archive.db, items, { ...read, followUpNote: 'Lukket på mødet i maj.' }, { meeting_id: meeting.id });
      writeFileRecord(archive.db, meetings, { ...readMeeting, run: { ...readMeeting.run, projectorDimmed: false } });
      expect(archive.db.prepare('SELECT follow_up_note FROM agenda_item WHERE id = ?').pluck().get(item.id)).toBe('Lukket på mødet i maj.');
      expect(archive.db.prepare('SELECT projector_dimmed FROM meeting WHERE id = ?').pluck().get(meeting.id)).toBe(0);

      // The file's check, with its Danish message, comes from the same declaration.
      const refused = items.schema.safeParse({ ...read, followUpNote: 7 });
      expect(refused.error?.issues[0]?.message).toBe('Opfølgningen skal være tekst.');
    } finally {
      services.close();
    }
  });
});
