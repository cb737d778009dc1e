import { expect, test } from 'vitest';
import { syncStatusText } from '../../renderer/text/sync';

const forumId = '5b0c2f9e-1d2a-4c33-9a51-0f6e2b7c8d90';

test('statuslinjen siger hvert forums stand i ord, med antallet af ventende ændringer', () => {
  expect(syncStatusText({ forumId, state: 'forbundet', waiting: 0 }).label).toBe('Forbundet');
  expect(syncStatusText({ forumId, state: 'forbundet', waiting: 2 }).label).toBe('Forbundet (sender 2 ændringer)');
  expect(syncStatusText({ forumId, state: 'offline', waiting: 0 }).label).toBe('Arbejder offline (ingen ændringer venter)');
  expect(syncStatusText({ forumId, state: 'offline', waiting: 1 }).label).toBe('Arbejder offline (1 ændring venter)');
  expect(syncStatusText({ forumId, state: 'offline', waiting: 12 }).label).toBe('Arbejder offline (12 ændringer venter)');
  const removed = syncStatusText({ forumId, state: 'adgang-fjernet', waiting: 3 });
  expect(removed.label).toBe('Adgang fjernet');
  // The person is told that their own copy stays.
  expect(removed.sentence).toContain('Din egen kopi er bevaret her');
});

test('ændringer, serveren kun lader computeren læse, siges ikke at være på vej, men at de ikke når frem og står her', () => {
  const notTaken = syncStatusText({ forumId, state: 'forbundet', waiting: 2, notTaken: true });
  expect(notTaken.label).toBe('Forbundet – dine ændringer når ikke frem');
  expect(notTaken.sentence).not.toContain('på vej');
  expect(notTaken.sentence).toContain('når ikke de andre');
  expect(notTaken.sentence).toContain('står stadig her på computeren');
});

test('en ændring, serveren afviste som godkendelse eller samtykke for en anden, står ved forummets stand', () => {
  const refused = syncStatusText({ forumId, state: 'forbundet', waiting: 1, refusedChange: true });
  expect(refused.label).toBe('Forbundet (sender 1 ændring) – en ændring afvist');
  expect(refused.sentence).toContain('på en anden persons vegne');
  expect(syncStatusText({ forumId, state: 'forbundet', waiting: 0 }).sentence).not.toContain('afviste');
});

test('en kopi, der venter på forummet fra serveren, siges at vente på at blive flettet, og hvordan den flettes', () => {
  const waiting = syncStatusText({ forumId, state: 'offline', waiting: 0, copyWaiting: true });
  expect(waiting.label).toBe('Arbejder offline (ingen ændringer venter) – din kopi venter på at blive flettet');
  expect(waiting.sentence).toContain('flettes den ind');
  expect(waiting.sentence).toContain('gælder den delte værdi');
});
