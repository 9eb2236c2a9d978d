// The public API of the .mizan file format.
export {
  FORMAT_NAME,
  FORMAT_VERSION,
  LANGUAGES,
  BOUNDS,
  ID_PATTERN,
  COLOR_PATTERN,
  MONTH_PATTERN,
  MizanDocument,
  Factor,
  Interaction,
  Scenario,
  ScenarioFactor,
  ScenarioEvent,
  Evidence,
  Thresholds,
  Simulation,
  Localized,
  Id,
  Weight,
  Level,
  rangeOf,
  uncertainOf,
  EVENT_KINDS,
  OBSERVATION_KINDS,
  DEFAULT_UNCERTAINTY,
  RANGE_SHAPES,
  SAMPLINGS,
  SAMPLED_FIELDS,
  INPUT_NAME_PATTERN
} from './schema';
export { central } from './central';
export type {
  Bounds,
  Language,
  MizanDoc,
  Range,
  Uncertain,
  LocalizedLabel,
  FactorDef,
  InteractionDef,
  ScenarioFactorDef,
  ScenarioEventDef,
  EventConditionDef,
  CorrelationDef,
  Sampling,
  SampledField,
  EventKind,
  RangeShape,
  ScenarioDef,
  EvidenceDef,
  ObservationDef,
  ObservationKind
} from './schema';
export { LIMITS } from './limits';
export { isValidEdit, loadBundledDocument, loadDocument, validateDocument, type LoadOptions } from './load';
export { serializeDocument } from './serialize';
export { makeBlankDocument, type BlankTexts } from './blank';
export { MAX_FILE_MB, fileTooLarge, inMegabytes, sizeOverCap } from './fileSize';
export { sameContent, sameExcept } from './sameContent';
export { buildJsonSchema, jsonSchemaText, JSON_SCHEMA_ID } from './jsonSchema';
export {
  formatPath,
  formatProblem,
  problemWhere,
  MAX_PROBLEMS,
  type Problem,
  type Place,
  type LoadResult
} from './problems';
export { MIGRATIONS, migrateDocument, type Migration, type MigrationTable } from './migrate';
