import { describe, expect, it } from 'vitest';
import { documentName, parseDocumentName, type SharedDocument } from '../../shared/sync/documents';

const FORUM = '0a1b2c3d-1111-4222-8333-444455556666';
const MEETING = '9f8e7d6c-aaaa-4bbb-8ccc-ddddeeeeffff';

describe('delte dokumenters navne', () => {
  it('læses tilbage til det samme dokument', () => {
    const docs: SharedDocument[] = [
      { kind: 'forum', forumId: FORUM },
      { kind: 'moede', forumId: FORUM, meetingId: MEETING },
      { kind: 'fortroligt', forumId: FORUM, meetingId: MEETING },
      { kind: 'indbakke', forumId: FORUM, personId: MEETING },
    ];
    for (const doc of docs) expect(parseDocumentName(documentName(doc))).toEqual(doc);
  });

  it('afviser alt andet', () => {
    for (const name of [
      '',
      `forum/${FORUM}/`,
      `forum/${FORUM.toUpperCase()}`,
      `forum/${FORUM}/moede/${MEETING}/fortroligt/x`,
      `forum/${FORUM}/indbakke/${MEETING}/fortroligt`,
      `forum/${FORUM}/moede/../${MEETING}`,
      `forum/${FORUM}\n`,
      `../forum/${FORUM}`,
      `forum/${FORUM}/referat/${MEETING}`,
    ]) {
      expect(parseDocumentName(name), name).toBeNull();
    }
  });
});
