/**
 * Who a document or file is for, one word for it everywhere (API, documents, exchange, CLI, window):
 * 'delt' is built from the shared view, so confidential items appear only as «Lukket punkt» and nothing
 * from them is in it; 'fuld' holds everything and says it is fortroligt.
 */
export const VARIANTS = ['delt', 'fuld'] as const;

export type Variant = (typeof VARIANTS)[number];
