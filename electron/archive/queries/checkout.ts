import { CHECKOUT_QUESTIONS, SCALE, type ScaleAnswer } from '../../../shared/domain/checkout';
import type { CheckoutResult } from '../../../shared/api/types';
import type { SqliteDb } from '../open';
import { statement } from '../statements';

/** Tallies per question and answer; a question nobody answered shows zeros. */
export function checkoutOf(db: SqliteDb, meetingId: string): CheckoutResult[] {
  const rows = statement(db, 'SELECT question_index, answer, count FROM checkout_tally WHERE meeting_id = ?').all(meetingId) as {
    question_index: number;
    answer: ScaleAnswer;
    count: number;
  }[];
  return CHECKOUT_QUESTIONS.map((question, questionIndex) => {
    const tallies = Object.fromEntries(SCALE.map((a) => [a, 0])) as Record<ScaleAnswer, number>;
    for (const row of rows) if (row.question_index === questionIndex) tallies[row.answer] = row.count;
    return { questionIndex, question, tallies };
  });
}

/** Adds or removes one answer; a tally never goes below zero. */
export function changeTally(db: SqliteDb, meetingId: string, questionIndex: number, answer: ScaleAnswer, change: 1 | -1): void {
  statement(
    db,
    `INSERT INTO checkout_tally (meeting_id, question_index, question, answer, count) VALUES (?, ?, ?, ?, MAX(0, ?))
     ON CONFLICT (meeting_id, question_index, answer) DO UPDATE SET count = MAX(0, count + ?)`,
  ).run(meetingId, questionIndex, CHECKOUT_QUESTIONS[questionIndex] ?? '', answer, change, change);
}
