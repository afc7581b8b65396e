// Cost limits of MAP evaluation (semantics.md §5.9). TODO(lead): re-export from cel/kubernetes/limits.ts once it lands.
export const PER_EXPRESSION_COST_LIMIT = 1_000_000;
export const MATCH_CONDITION_BUDGET = 2_500_000;
export const MUTATION_BUDGET = 10_000_000;
export const OUT_OF_BUDGET =
  'validation failed due to running out of cost budget, no further validation rules will be run';
