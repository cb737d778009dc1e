/**
 * The redaction boundary: the one place that decides what a reader without the confidential right may
 * see. Each function turns plain data (a meeting, a referat's versions, a sag, follow-up lists) into its
 * shared view; every shared artefact (dagsorden til udsendelse, delt referat, personaleresumé, projector,
 * sager with the switch off, the lyttemøde's tilbagemeldingsbrev, an inbox's answers to their sender, the
 * shareable exchange file, the CLI's shared variants) is built from these views and nothing else. Search
 * and the decision register read the
 * same flags through the archive's search documents, which triggers keep equal to the items' and
 * actions' own flags (migrations 005 and 009), and leave confidential rows out in the query itself, so
 * a page is never short. Pure functions over plain data, with no knowledge of Word or SQL,
 * so a sync server can use the same module to decide what a læser receives.
 *
 * Confidentiality is a property of the content (`AgendaItem.confidential`, `Action.confidential`, a
 * referat change line's flag), kept in the archive when items are removed, renamed or carried.
 */
export { senderAnswer, sharedSentTo, visitorsSentTo } from './listening';
export { CLOSED_ROW } from './records';
export { CLOSED_ITEM_TITLE, itemNameInMessage, sharedActions, sharedMeeting } from './meeting';
export { CLOSED_CHANGE, closedTitlesOf, sharedVersions } from './referatHistory';
export { NEUTRAL_SAG_TITLE, sagTitleFor, sharedCandidates, sharedSagTimeline } from './sag';
