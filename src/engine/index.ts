// The engine's public entry for what other layers call by name (issue 12).
export { sobolIndices, type SobolOptions, type SobolResult } from './model/sobol';
export {
  scenarioSobol,
  sobolGroups,
  type ScenarioSobol,
  type ScenarioSobolOptions,
  type SobolGroupKind,
  type SobolGroupResult,
  type SobolMetric
} from './model/scenarioSobol';
export { imanConover, type ImanConoverResult } from './model/imanConover';
export {
  scenarioDiagnostics,
  steadyState,
  withoutLinks,
  type FactorSteadyState,
  type ScenarioDiagnostics,
  type SteadyState
} from './model/diagnostics';
export { feedbackLoops, type FeedbackLoop, type FeedbackLoops, type LoopSign } from './model/loops';
