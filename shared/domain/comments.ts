/** A note on an item before the meeting: a comment, or a question the room should answer. */
export const COMMENT_KINDS = ['kommentar', 'spoergsmaal'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];
