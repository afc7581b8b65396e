// The public API of our CEL interpreter: compile(source, environment) -> Program or
// diagnostics; program.evaluate(activation) -> value or error, with its range and cost.
// Nothing here throws on bad input.
//
// Pipeline: parse (parser/) -> check (checker/) -> plan + evaluate (interpreter/).
export type { CelValue, JsonObject, StructType } from './values.js';
export {
  CelError,
  CelMap,
  CelUint,
  Duration,
  OpaqueValue,
  Optional,
  StructValue,
  Timestamp,
  TypeValue,
  isCelError,
  isCelList,
  isCelMap,
  isJsonObject,
  mapEntries,
  mapGet,
  mapKeys,
  mapSize,
  newJsonObject,
} from './values.js';
export type { CelType } from './types.js';
export { T, formatType } from './types.js';
export type { Range, CelDiagnostic, Expr, ParsedAst } from './ast.js';
export type {
  AstValidator,
  CallContext,
  CostEstimate,
  EnvironmentConfig,
  FunctionDecl,
  Library,
  OverloadDecl,
  TypeProvider,
  VariableDecl,
} from './decls.js';
export type { Activation, CompileResult, Environment, EvalOptions, EvalResult, Program } from './program.js';
export { newEnvironment, compile, formatDiagnostics } from './program.js';
