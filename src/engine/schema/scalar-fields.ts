// Built-in fields whose Go type is not what their OpenAPI schema's `type` says, and which
// kube-openapi's schemaconv therefore turns into other structured-merge-diff scalars: Quantity
// (untyped scalar), IntOrString (deduced: scalar, list or map), RawExtension (untyped scalar).
// Keys are "<model class>.<json field>" of data/k8s-structure.ts, as in merge-semantics.ts;
// facts from k8s.io/api v0.36.3 and kube-openapi.

/** resource.Quantity fields (or maps of them): an "untyped" scalar in the schema, not a string */
export const QUANTITY_FIELDS: ReadonlySet<string> = new Set([
  'V1CSIStorageCapacity.capacity',
  'V1CSIStorageCapacity.maximumVolumeSize',
  'V1CapacityRequestPolicy.default',
  'V1CapacityRequestPolicy.validValues',
  'V1CapacityRequestPolicyRange.max',
  'V1CapacityRequestPolicyRange.min',
  'V1CapacityRequestPolicyRange.step',
  'V1CapacityRequirements.requests',
  'V1ContainerStatus.allocatedResources',
  'V1Counter.value',
  'V1DeviceCapacity.value',
  'V1DeviceRequestAllocationResult.consumedCapacity',
  'V1EmptyDirVolumeSource.sizeLimit',
  'V1LimitRangeItem.default',
  'V1LimitRangeItem.defaultRequest',
  'V1LimitRangeItem.max',
  'V1LimitRangeItem.maxLimitRequestRatio',
  'V1LimitRangeItem.min',
  'V1NodeAllocatableResourceClaimStatus.resources',
  'V1NodeAllocatableResourceMapping.allocationMultiplier',
  'V1NodeStatus.allocatable',
  'V1NodeStatus.capacity',
  'V1Overhead.podFixed',
  'V1PersistentVolumeClaimStatus.allocatedResources',
  'V1PersistentVolumeClaimStatus.capacity',
  'V1PersistentVolumeSpec.capacity',
  'V1PodSpec.overhead',
  'V1PodStatus.allocatedResources',
  'V1ResourceFieldSelector.divisor',
  'V1ResourceQuotaSpec.hard',
  'V1ResourceQuotaStatus.hard',
  'V1ResourceQuotaStatus.used',
  'V1ResourceRequirements.limits',
  'V1ResourceRequirements.requests',
  'V1VolumeResourceRequirements.limits',
  'V1VolumeResourceRequirements.requests',
  'V2HPAScalingRules.tolerance',
  'V2MetricTarget.averageValue',
  'V2MetricTarget.value',
  'V2MetricValueStatus.averageValue',
  'V2MetricValueStatus.value',
]);

/**
 * intstr.IntOrString fields. Their OpenAPI v3 schema is a `oneOf` (integer, string) without a
 * `type`, which kube-openapi's schemaconv turns into an untyped scalar that may also be a list
 * (atomic) or a map (deduced), unlike Quantity and Time, which are scalars only.
 */
export const INT_OR_STRING_FIELDS: ReadonlySet<string> = new Set([
  'V1HTTPGetAction.port',
  'V1NetworkPolicyPort.port',
  'V1PodDisruptionBudgetSpec.maxUnavailable',
  'V1PodDisruptionBudgetSpec.minAvailable',
  'V1RollingUpdateDaemonSet.maxSurge',
  'V1RollingUpdateDaemonSet.maxUnavailable',
  'V1RollingUpdateDeployment.maxSurge',
  'V1RollingUpdateDeployment.maxUnavailable',
  'V1RollingUpdateStatefulSetStrategy.maxUnavailable',
  'V1ServicePort.targetPort',
  'V1TCPSocketAction.port',
]);

/** runtime.RawExtension fields: schemaconv hardcodes RawExtension as an untyped scalar (no list, no map) */
export const RAW_EXTENSION_FIELDS: ReadonlySet<string> = new Set(['V1AllocatedDeviceStatus.data', 'V1ControllerRevision.data', 'V1OpaqueDeviceConfiguration.parameters']);
