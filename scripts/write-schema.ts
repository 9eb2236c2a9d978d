// Writes the published JSON Schema of the .mizan format: `npm run schema`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { jsonSchemaText } from '../src/engine/format/jsonSchema';

const target = fileURLToPath(new URL('../resources/schema/mizan.schema.json', import.meta.url));
writeFileSync(target, jsonSchemaText());
console.log(`wrote ${target}`);
