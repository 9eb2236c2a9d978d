// The published JSON Schema is generated from schema.ts and must be up to date on disk.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildJsonSchema, jsonSchemaText, JSON_SCHEMA_ID } from '../../src/engine/format/jsonSchema';
import { ROOT } from './helpers';

const FILE = 'resources/schema/mizan.schema.json';

describe('JSON Schema', () => {
  it(`${FILE} is up to date`, () => {
    let onDisk = '';
    try {
      onDisk = readFileSync(`${ROOT}${FILE}`, 'utf8');
    } catch {
      // reported below
    }
    expect(
      onDisk === jsonSchemaText(),
      `${FILE} is missing or out of date with src/engine/format/schema.ts: run \`npm run schema\``
    ).toBe(true);
  });

  it('is a draft 2020-12 schema with an id, a title and a description', () => {
    const schema = buildJsonSchema() as Record<string, any>;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(JSON_SCHEMA_ID);
    expect(schema.title).toMatch(/Mizan/);
    expect(schema.description).toMatch(/references/);
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'version', 'factors', 'scenarios']));
    expect(schema.properties.format.const).toBe('mizan-scenario');
    expect(schema.properties.evidence.items.properties).toHaveProperty('gist');
    expect(schema.properties.interactions.items.properties).toHaveProperty('evidence');
  });
});
