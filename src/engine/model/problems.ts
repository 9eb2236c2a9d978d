/** A document the engine cannot compute, with the place and the reason. */
export class ModelProblem extends Error {
  constructor(
    readonly path: string,
    readonly problem: string
  ) {
    super(`${path}: ${problem}`);
    this.name = 'ModelProblem';
  }
}

/** Σ w_i = 0: the tension index is not a number to chart. */
export class ZeroWeightsProblem extends ModelProblem {
  constructor(scenarioIndex: number) {
    super(`scenarios[${scenarioIndex}].weights`, 'all factor weights are zero, so the tension index is not defined');
    this.name = 'ZeroWeightsProblem';
  }
}
