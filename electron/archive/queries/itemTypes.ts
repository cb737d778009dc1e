import { BUILT_IN_ITEM_TYPES, type ItemTypeDefinition } from '../../../shared/domain/items';
import type { SqliteDb } from '../open';
import { statement } from '../statements';

export function customItemTypes(db: SqliteDb): ItemTypeDefinition[] {
  const rows = statement(db, 'SELECT key, label FROM item_type ORDER BY label COLLATE NOCASE').all() as {
    key: string;
    label: string;
  }[];
  return rows.map((r) => ({ ...r, builtIn: false }));
}

export function insertItemType(db: SqliteDb, key: string, label: string, createdAt: string): void {
  statement(db, 'INSERT INTO item_type (key, label, created_at) VALUES (?, ?, ?)').run(key, label, createdAt);
}

/** Built-in types first, then the users' own. */
export function allItemTypes(db: SqliteDb): ItemTypeDefinition[] {
  return [...BUILT_IN_ITEM_TYPES, ...customItemTypes(db)];
}
