// cel-go's runtime type names (Type.TypeName()): `list`, `map`, `google.protobuf.Timestamp`, …
// Two type values are equal when these names are (common/types/types.go Type.Equal).
import type { CelType } from '../types.js';

export function runtimeTypeNameOfType(t: CelType): string {
  switch (t.kind) {
    case 'primitive':
      if (t.name === 'timestamp') return 'google.protobuf.Timestamp';
      if (t.name === 'duration') return 'google.protobuf.Duration';
      return t.name;
    case 'dyn':
      return 'dyn';
    case 'error':
      return 'error';
    case 'list':
      return 'list';
    case 'map':
      return 'map';
    case 'type':
      return 'type';
    case 'opaque':
    case 'struct':
    case 'param':
      return t.name;
  }
}
