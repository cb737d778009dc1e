import { describe, expect, it } from 'vitest';
import { must } from './support';
import { forumRows, laptop, send, SERVER } from './sync-support';

async function demoForum(services: ReturnType<typeof laptop>['services']) {
  await must(services, 'demo.install', {});
  const [forum] = await must(services, 'forums.list', {});
  if (!forum) throw new Error('Demoen mangler sit forum.');
  const held = (await must(services, 'meetings.list', {})).find((m) => m.status === 'afholdt');
  if (!held) throw new Error('Demoen mangler sit afholdte møde.');
  // The first version approved by every co-owner, and a second begun: both kinds of version and their approvals.
  for (const c of (await must(services, 'referat.get', { meetingId: held.id })).coOwners) await must(services, 'referat.approve', { meetingId: held.id, personId: c.personId });
  await must(services, 'referat.newVersion', { meetingId: held.id, reason: 'En beslutning manglede sin begrundelse' });
  return forum;
}

describe('et delt forum går fra rækker til dokumenter og tilbage', () => {
  it('en ny bærbar, der modtager forummets dokumenter, får de samme rækker', async () => {
    const a = laptop();
    const forum = await demoForum(a.services);
    a.services.sync.shareForum(forum.id, SERVER);
    const b = laptop();
    send(a, b, forum.id);
    const before = forumRows(a.db, forum.id);
    expect(before['decision_dissent']?.length).toBeGreaterThan(0);
    expect(before['action_note']?.length).toBeGreaterThan(0);
    expect(before['referat_version']?.length).toBeGreaterThan(0);
    expect(forumRows(b.db, forum.id)).toEqual(before);
  });
});
