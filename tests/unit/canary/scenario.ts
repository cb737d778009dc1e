import fc from 'fast-check';

/**
 * One step a user can take on the archive. Items, actions, meetings and inputs are picked by a number
 * taken modulo what exists when the step runs, so a shrunk list of steps still means something.
 */
export type Op =
  | { kind: 'addItem'; meeting: number; confidential: boolean; type: 'droeftelse' | 'beslutning' | 'orientering' }
  | { kind: 'rename'; item: number }
  | { kind: 'confidential'; item: number; on: boolean }
  | { kind: 'move'; item: number; to: number }
  | { kind: 'remove'; item: number }
  | { kind: 'forvarsel'; item: number }
  | { kind: 'notes'; item: number }
  /** A comment or question before the meeting (on a closed item as confidential as the item). */
  | { kind: 'comment'; item: number; question: boolean }
  | { kind: 'decide'; item: number; colour: 'roed' | 'gul' | 'groen' | 'blaa'; finalize: boolean }
  | { kind: 'action'; item: number; term: 'kort' | 'lang' }
  | { kind: 'meetingAction'; meeting: number }
  | { kind: 'split'; action: number; parts: number }
  /** Followed up: under «Opfølgning fra sidst» at the forum's next meeting; problem: said løst or ikke løst. */
  | { kind: 'actionStatus'; action: number; status: 'igang' | 'udfoert' | 'forsinket' | 'droppet'; followedUp: boolean; problem: boolean }
  | { kind: 'park'; item: number }
  | { kind: 'toAction'; item: number }
  | { kind: 'link'; item: number; earlier: number }
  | { kind: 'unlink'; item: number }
  | { kind: 'renameSag'; item: number }
  | { kind: 'present'; item: number }
  | { kind: 'end'; meeting: number }
  | { kind: 'approve'; meeting: number }
  | { kind: 'newVersion'; meeting: number }
  | { kind: 'sendInput'; input: number; meeting: number }
  | { kind: 'planMeeting' }
  | { kind: 'exchange' };

const pick = fc.nat({ max: 60 });

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('addItem'), meeting: pick, confidential: fc.boolean(), type: fc.constantFrom('droeftelse', 'beslutning', 'orientering') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('rename'), item: pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('confidential'), item: pick, on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('move'), item: pick, to: fc.nat({ max: 6 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove'), item: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('forvarsel'), item: pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('notes'), item: pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('comment'), item: pick, question: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('decide'), item: pick, colour: fc.constantFrom('roed', 'gul', 'groen', 'blaa'), finalize: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('action'), item: pick, term: fc.constantFrom('kort', 'lang') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('meetingAction'), meeting: pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('split'), action: pick, parts: fc.integer({ min: 2, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({
        kind: fc.constant('actionStatus'),
        action: pick,
        status: fc.constantFrom('igang', 'udfoert', 'forsinket', 'droppet'),
        followedUp: fc.boolean(),
        problem: fc.boolean(),
      }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('park'), item: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('toAction'), item: pick }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('link'), item: pick, earlier: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unlink'), item: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('renameSag'), item: pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('present'), item: pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('end'), meeting: pick }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('approve'), meeting: pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('newVersion'), meeting: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sendInput'), input: pick, meeting: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('planMeeting') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('exchange') }) },
);

/** A random archive's history: up to 30 steps after the same small start (see world.ts). */
export const scenario: fc.Arbitrary<Op[]> = fc.array(op, { minLength: 3, maxLength: 30, size: 'medium' });
