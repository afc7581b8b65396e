// Label key and value validation as labels.NewRequirement runs it (apimachinery pkg/labels
// selector.go validateLabelKey / validateLabelValue), with the texts of each release:
// 1.32-1.34 validation.IsQualifiedName / IsValidLabelValue ("a qualified name …", "characters");
// 1.35+ content.IsLabelKey / IsLabelValue ("a valid label key …", "bytes").
import type { KubernetesVersion } from '../../types.js';
import { isQualifiedName, isValidLabelValue } from '../../k8s/name-validation.js';

/** Releases whose apimachinery has pkg/api/validate/content (messages say "bytes"). */
export function hasContentValidation(version: KubernetesVersion): boolean {
  return version !== '1.32' && version !== '1.33' && version !== '1.34';
}

export function labelKeyErrors(v: string, version: KubernetesVersion): string[] {
  return isQualifiedName(v, hasContentValidation(version));
}

export function labelValueErrors(v: string, version: KubernetesVersion): string[] {
  return isValidLabelValue(v, hasContentValidation(version));
}
