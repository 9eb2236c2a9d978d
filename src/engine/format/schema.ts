// The .mizan file format, version 2: the single source of truth for its shape.
// The JSON Schema in resources/schema/ is generated from this file (npm run schema).
// Cross-references (unknown ids, duplicates, months beyond the horizon) are checked
// in references.ts, because they need the whole document in view.
import { z } from 'zod';
import { LIMITS } from './limits';

export const FORMAT_NAME = 'mizan-scenario';
export const FORMAT_VERSION = 2;

/** An id: a letter, then letters, digits, "_" or "-"; at most 64 characters. */
export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
/** A scenario's colour: "#" and six hex digits. */
export const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;
/** The first month of an analysis: "YYYY-MM". */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The range a number must lie in; `whole`: whole numbers only. */
export interface Bounds {
  min: number;
  max: number;
  whole?: boolean;
}

/**
 * The ranges of the numbers in a document (docs/MODEL.md section 2). The schema below is built
 * from them, and the edits (src/engine/edits.ts) check against the same table, so an editor
 * field can never accept what a file would refuse. An event's `month` is further bounded by
 * the document's horizon (references.ts).
 */
export const BOUNDS = {
  weight: { min: 0, max: 10 },
  level: { min: 0, max: 100 },
  pace: { min: 0, max: 1 },
  volatility: { min: 0, max: 50 },
  strength: { min: -1, max: 1 },
  shift: { min: -100, max: 100 },
  probability: { min: 0, max: 1 },
  // ±1 would make one input a copy of the other: Iman–Conover needs a positive definite matrix.
  correlation: { min: -0.99, max: 0.99 },
  month: { min: 1, max: LIMITS.horizonMonths, whole: true },
  runs: { min: 0, max: LIMITS.runs, whole: true },
  seed: { min: 0, max: 0xffffffff, whole: true },
  horizon: { min: 1, max: LIMITS.horizonMonths, whole: true },
  threshold: { min: 0, max: 100 }
} as const satisfies Record<string, Bounds>;

/** A number within `bounds`. */
const numberIn = (bounds: Bounds) => (bounds.whole ? z.number().int() : z.number()).min(bounds.min).max(bounds.max);

export const Id = z
  .string()
  .regex(ID_PATTERN, 'must start with a letter and use only letters, digits, "_" and "-" (at most 64)');

/** The two languages of every label and text in a document, and of the app. */
export const LANGUAGES = ['en', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

const text = (max: number) => z.string().max(max);

export const Localized = z
  .object({ en: text(LIMITS.labelChars), ar: text(LIMITS.labelChars) })
  .refine((l) => l.en.trim() !== '' || l.ar.trim() !== '', {
    message: 'needs a text in English or in Arabic'
  });

const LocalizedText = z.object({ en: text(LIMITS.textChars), ar: text(LIMITS.textChars) });

/** The shapes a range may have (docs/MODEL.md section 4): triangular (the default) or PERT. */
export const RANGE_SHAPES = ['triangular', 'pert'] as const;
export type RangeShape = (typeof RANGE_SHAPES)[number];

/** A range: triangular unless `shape` says PERT; `mode` is the central value used by the central path. */
export const rangeOf = (min: number, max: number) =>
  z
    .object({
      low: z.number().min(min).max(max),
      mode: z.number().min(min).max(max),
      high: z.number().min(min).max(max),
      shape: z.enum(RANGE_SHAPES).optional()
    })
    .superRefine((r, ctx) => {
      if (r.low > r.mode)
        ctx.addIssue({
          // Stryker disable next-line StringLiteral: nothing reads an issue's code; its message is its own
          code: 'custom',
          path: ['low'],
          message: `low (${r.low}) must not exceed mode (${r.mode})`
        });
      if (r.mode > r.high)
        ctx.addIssue({
          // Stryker disable next-line StringLiteral: nothing reads an issue's code; its message is its own
          code: 'custom',
          path: ['high'],
          message: `high (${r.high}) must not be below mode (${r.mode})`
        });
    });

/** A plain number (no uncertainty) or a triangular range. */
export const uncertainOf = (min: number, max: number) => z.union([z.number().min(min).max(max), rangeOf(min, max)]);

export const Weight = uncertainOf(BOUNDS.weight.min, BOUNDS.weight.max);
export const Level = uncertainOf(BOUNDS.level.min, BOUNDS.level.max);

export const Factor = z.object({
  id: Id,
  label: Localized,
  description: LocalizedText.optional(),
  direction: z.union([z.literal(1), z.literal(-1)]),
  weight: Weight,
  evidence: z.array(Id).max(LIMITS.evidence).optional()
});

export const Interaction = z.object({
  from: Id,
  to: Id,
  /** A number, or a range (format version 2). */
  strength: uncertainOf(BOUNDS.strength.min, BOUNDS.strength.max),
  evidence: z.array(Id).max(LIMITS.evidence).optional()
});

export const ScenarioFactor = z.object({
  start: Level,
  target: Level,
  /** Numbers, or ranges (format version 2). */
  pace: uncertainOf(BOUNDS.pace.min, BOUNDS.pace.max),
  volatility: uncertainOf(BOUNDS.volatility.min, BOUNDS.volatility.max)
});

/**
 * What an event does (docs/MODEL.md section 3): a pulse (the default) adds its shift to the
 * factor's level once, in its month; a target event moves the factor's target by its shift from
 * its month on, so that the level stays moved.
 */
export const EVENT_KINDS = ['pulse', 'target'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** An event that can happen only in the runs where an earlier event of the scenario did (or did not) happen. */
export const EventCondition = z.object({
  event: Id,
  occurred: z.boolean()
});

export const ScenarioEvent = z.object({
  id: Id,
  label: Localized,
  month: numberIn(BOUNDS.month),
  factor: Id,
  shift: numberIn(BOUNDS.shift),
  /** P(the event), or with a condition P(the event | the condition). */
  probability: numberIn(BOUNDS.probability),
  kind: z.enum(EVENT_KINDS).optional(),
  condition: EventCondition.optional()
});

/**
 * A record keyed by factor id (a scenario's `weights` and `factors`): at most one entry
 * per factor. loadDocument checks this count before the schema runs, so that a record
 * with a million bad entries cannot flood the validator with issues.
 */
const byFactor = <T extends z.ZodType>(value: T) =>
  z
    .record(Id, value)
    .superRefine((r, ctx) => {
      const n = Object.keys(r).length;
      if (n > LIMITS.factors)
        ctx.addIssue({
          // Stryker disable next-line StringLiteral: nothing reads an issue's code; its message is its own
          code: 'custom',
          message: `must have at most ${LIMITS.factors} entries, one per factor (found ${n})`
        });
    })
    .meta({ maxProperties: LIMITS.factors });

/** What of a factor a scenario can sample (each may be a range): `<factor id>.<field>`. */
export const SAMPLED_FIELDS = ['weight', 'start', 'target', 'pace', 'volatility'] as const;
export type SampledField = (typeof SAMPLED_FIELDS)[number];
/** A sampled input of a scenario by name: "sanctions.target". */
export const INPUT_NAME_PATTERN = /^([A-Za-z][A-Za-z0-9_-]{0,63})\.(weight|start|target|pace|volatility)$/;

/** Two sampled inputs of a scenario that move together: their rank (Spearman) correlation across the runs. */
export const Correlation = z.object({
  between: z.tuple([
    z.string().regex(INPUT_NAME_PATTERN, 'must name a factor and what of it, like "sanctions.target"'),
    z.string().regex(INPUT_NAME_PATTERN, 'must name a factor and what of it, like "sanctions.target"')
  ]),
  rank: numberIn(BOUNDS.correlation)
});

export const Scenario = z.object({
  id: Id,
  name: Localized,
  color: z.string().regex(COLOR_PATTERN, 'must be a colour like #c0392b'),
  notes: text(LIMITS.textChars).optional(),
  /** Its prior weight among the scenarios (format version 2; normalised over them; see observationPriors). */
  probability: numberIn(BOUNDS.probability).optional(),
  weights: byFactor(Weight).optional(),
  factors: byFactor(ScenarioFactor),
  events: z.array(ScenarioEvent).max(LIMITS.eventsPerScenario),
  correlations: z.array(Correlation).max(LIMITS.correlationsPerScenario).optional()
});

export const Evidence = z.object({
  id: Id,
  quote: text(LIMITS.textChars),
  gist: text(LIMITS.textChars).optional(),
  source: text(LIMITS.labelChars),
  note: text(LIMITS.textChars).optional()
});

export const Thresholds = z
  .object({
    elevated: numberIn(BOUNDS.threshold),
    high: numberIn(BOUNDS.threshold),
    crisis: numberIn(BOUNDS.threshold)
  })
  .superRefine((t, ctx) => {
    if (!(t.elevated < t.high))
      ctx.addIssue({
        // Stryker disable next-line StringLiteral: nothing reads an issue's code; its message is its own
        code: 'custom',
        path: ['high'],
        message: `must be above elevated (${t.elevated})`
      });
    if (!(t.high < t.crisis))
      ctx.addIssue({
        // Stryker disable next-line StringLiteral: nothing reads an issue's code; its message is its own
        code: 'custom',
        path: ['crisis'],
        message: `must be above high (${t.high})`
      });
  });

/** What an observation records (format version 2): a reading of the index or of one factor, or an event's outcome. */
export const OBSERVATION_KINDS = ['index', 'factor', 'event'] as const;
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];
export { DEFAULT_UNCERTAINTY } from './defaults';

/** "YYYY-MM", within the timeline (start month … start + horizon). */
const ObservationMonth = z.string().regex(MONTH_PATTERN, 'must be a month like 2025-06');
/** A reading's value, points, and its σ: above 0 (no reading is exact), at most 100. */
const readingValue = numberIn(BOUNDS.level);
const readingUncertainty = z.number().gt(0).max(100).optional();
const observationNotes = {
  note: LocalizedText.optional(),
  evidence: z.array(Id).max(LIMITS.evidence).optional()
};

/** Something that happened, recorded against the scenarios (docs/MODEL.md, "Tracking"). */
export const Observation = z.discriminatedUnion('kind', [
  z.object({
    id: Id,
    kind: z.literal('index'),
    month: ObservationMonth,
    value: readingValue,
    uncertainty: readingUncertainty,
    ...observationNotes
  }),
  z.object({
    id: Id,
    kind: z.literal('factor'),
    month: ObservationMonth,
    factor: Id,
    value: readingValue,
    uncertainty: readingUncertainty,
    ...observationNotes
  }),
  z.object({
    id: Id,
    kind: z.literal('event'),
    month: ObservationMonth,
    event: Id,
    occurred: z.boolean(),
    ...observationNotes
  })
]);

/** How the Monte Carlo draws the ranges: independently per run, or stratified over the runs. */
export const SAMPLINGS = ['random', 'latin-hypercube'] as const;
export type Sampling = (typeof SAMPLINGS)[number];

export const Simulation = z.object({
  runs: numberIn(BOUNDS.runs),
  seed: numberIn(BOUNDS.seed),
  sampling: z.enum(SAMPLINGS).optional()
});

export const MizanDocument = z.object({
  format: z.literal(FORMAT_NAME),
  version: z.literal(FORMAT_VERSION),
  title: text(LIMITS.labelChars),
  /** Who made the analysis, as the report names them (optional). */
  author: text(LIMITS.labelChars).optional(),
  description: text(LIMITS.textChars),
  createdAt: z.iso.datetime({ offset: true }),
  modifiedAt: z.iso.datetime({ offset: true }),
  startMonth: z.string().regex(MONTH_PATTERN, 'must be a month like 2024-10'),
  horizonMonths: numberIn(BOUNDS.horizon),
  thresholds: Thresholds,
  simulation: Simulation,
  factors: z.array(Factor).min(1).max(LIMITS.factors),
  interactions: z.array(Interaction).max(LIMITS.interactions),
  scenarios: z.array(Scenario).min(1).max(LIMITS.scenarios),
  evidence: z.array(Evidence).max(LIMITS.evidence),
  /** What happened since (format version 2): readings and outcomes the scenarios are weighed against. */
  observations: z.array(Observation).max(LIMITS.observations).optional(),
  /** App-only view state (selected scenario, open panels); never read by the engine. */
  view: z.record(z.string(), z.json()).optional()
});

export type Range = { low: number; mode: number; high: number; shape?: RangeShape };
export type Uncertain = number | Range;
export type LocalizedLabel = z.infer<typeof Localized>;
export type FactorDef = z.infer<typeof Factor>;
export type InteractionDef = z.infer<typeof Interaction>;
export type ScenarioFactorDef = z.infer<typeof ScenarioFactor>;
export type ScenarioEventDef = z.infer<typeof ScenarioEvent>;
export type EventConditionDef = z.infer<typeof EventCondition>;
export type CorrelationDef = z.infer<typeof Correlation>;
export type ScenarioDef = z.infer<typeof Scenario>;
export type EvidenceDef = z.infer<typeof Evidence>;
export type ObservationDef = z.infer<typeof Observation>;
export type MizanDoc = z.infer<typeof MizanDocument>;
