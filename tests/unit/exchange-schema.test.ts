import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import * as z from 'zod';
import { must, servicesOn } from './support';
import { EXCHANGE_FORMAT, EXCHANGE_FORMAT_VERSION, exchangeFile, parseExchange, serializeExchange } from '../../shared/exchange/format';

const SCHEMA_FILE = fileURLToPath(new URL('../../docs/udveksling.schema.json', import.meta.url));
const GUIDE_FILE = fileURLToPath(new URL('../../docs/udveksling.md', import.meta.url));

/** The committed JSON Schema is generated from the zod schema, so the two can never drift apart. */
test('docs/udveksling.schema.json er genereret fra zod-skemaet', () => {
  const generated = `${JSON.stringify(z.toJSONSchema(exchangeFile), null, 2)}\n`;
  // After a deliberate change of the format: UPDATE_EXCHANGE_SCHEMA=1 npx vitest run tests/unit/exchange-schema.test.ts
  if (process.env['UPDATE_EXCHANGE_SCHEMA'] === '1') writeFileSync(SCHEMA_FILE, generated);
  expect(readFileSync(SCHEMA_FILE, 'utf8'), 'Skemaet i docs/ er forældet; generér det igen (se kommentaren i testen).').toBe(generated);
});

test('skemaet er draft 2020-12 og låser format og formatVersion', () => {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as {
    $schema: string;
    properties: { format: { const: string }; formatVersion: { const: number } };
    additionalProperties: boolean;
  };
  expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  expect(schema.properties.format.const).toBe(EXCHANGE_FORMAT);
  expect(schema.properties.formatVersion.const).toBe(EXCHANGE_FORMAT_VERSION);
  expect(schema.additionalProperties).toBe(false);
});

test('eksemplet i docs/udveksling.md er en gyldig fil, skrevet som Samtalerum skriver den', () => {
  const example = /```json\n([\s\S]*?)```/.exec(readFileSync(GUIDE_FILE, 'utf8'))?.[1] ?? '';
  const parsed = parseExchange(JSON.parse(example));
  if (!parsed.ok) throw new Error(parsed.message);
  expect(serializeExchange(parsed.file)).toBe(example);
});

test('eksemplet i docs/udveksling.md kan indlæses i et tomt arkiv, læst som bytes', async () => {
  const example = /```json\n([\s\S]*?)```/.exec(readFileSync(GUIDE_FILE, 'utf8'))?.[1] ?? '';
  const services = servicesOn();
  try {
    const summary = await must(services, 'exchange.import', { base64: Buffer.from(example, 'utf8').toString('base64') });
    expect(summary.added).toBeGreaterThan(0);
    expect(summary.alreadyPresent).toBe(0);
  } finally {
    services.close();
  }
});
