// CEL cost limits of admission evaluation (apiserver pkg/apis/cel/config.go; semantics.md §5.9).

/** cel.CostLimit of every program run (an expression, or one variable): celconfig.PerCallLimit. */
export const PER_CALL_COST_LIMIT = 1_000_000;

/** Runtime budget shared by all match conditions of one invocation (RuntimeCELCostBudgetMatchConditions). */
export const MATCH_CONDITIONS_COST_BUDGET = 2_500_000;

/** Runtime budget of each mutation, the variables it triggers included (RuntimeCELCostBudget). */
export const MUTATION_COST_BUDGET = 10_000_000;

/** The error of a program run that exceeds PER_CALL_COST_LIMIT (cel-go interpreter). */
export const PER_CALL_LIMIT_EXCEEDED = 'operation cancelled: actual cost limit exceeded';

/** The error when a runtime budget is exhausted (apiserver pkg/admission/plugin/cel). */
export const BUDGET_EXCEEDED = 'validation failed due to running out of cost budget, no further validation rules will be run';
