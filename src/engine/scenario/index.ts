// The scenario reader: YAML/JSON text (or CLI manifests) to a Scenario with a SourceMap.
export { readScenario, scenarioFromValue, withDerivedRequest, EMPTY_SOURCE_MAP, type ReadResult } from './read.js';
export { deriveRequest, deriveNamespace, type DerivedRequest } from './derive.js';
export { scenarioFromManifests, type ManifestOverrides, type ManifestDoc } from './manifests.js';
export { parseYamlDocuments, formatDocPath, LineIndex, type YamlDocument } from './yaml-doc.js';
export { scenarioToText } from './write.js';
