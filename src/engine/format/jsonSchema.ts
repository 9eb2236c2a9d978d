// The published JSON Schema of the .mizan format, generated from schema.ts so the two
// cannot drift apart. `npm run schema` writes it to resources/schema/mizan.schema.json,
// and a test fails when that file is out of date. The schema describes the shape of a
// file (types, ranges, required fields); the cross-reference rules (unknown or duplicate
// ids, low ≤ mode ≤ high, events within the horizon) are checked by Mizan itself.
import { z } from 'zod';
import { FORMAT_VERSION, MizanDocument } from './schema';

export const JSON_SCHEMA_ID = `urn:mizan:schema:scenario-file:v${FORMAT_VERSION}`;

export function buildJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(MizanDocument, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: JSON_SCHEMA_ID,
    title: `Mizan scenario file (format version ${FORMAT_VERSION})`,
    description:
      'A Mizan regional-tension scenario analysis (.mizan, UTF-8 JSON). This schema checks the shape of a file; ' +
      'Mizan also checks references between its parts (factor, scenario, event and evidence ids are unique and ' +
      'every id used is defined; every scenario sets every factor; ranges have low ≤ mode ≤ high; events fall ' +
      'within horizonMonths; some factor weight is above zero). See docs/FILE-FORMAT.md.',
    ...rest
  };
}

/** The schema file's exact text: 2-space indent and a final newline. */
export function jsonSchemaText(): string {
  return `${JSON.stringify(buildJsonSchema(), null, 2)}\n`;
}
