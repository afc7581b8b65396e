// The Kubernetes minor that added each field of an existing built-in type after 1.32 (older
// releases' schemas do not declare it: applying it there fails with "field not declared in
// schema"). Facts from the Go types of k8s.io/api, k8s.io/apimachinery meta/v1,
// apiextensions-apiserver and kube-aggregator at the v0.32-v0.36 tags. Fields as old as their
// type are not listed: the field that refers to the type is. List and map semantics did not change
// between 1.32 and 1.36.
export const FIELDS_SINCE: Readonly<Record<number, readonly string[]>> = {
  33: [
    'V1CSIDriverSpec.nodeAllocatableUpdatePeriodSeconds',
    'V1ContainerStatus.stopSignal',
    'V1DeploymentStatus.terminatingReplicas',
    'V1EndpointHints.forNodes',
    'V1Lifecycle.stopSignal',
    'V1NodeSystemInfo.swap',
    'V1PodCondition.observedGeneration',
    'V1PodStatus.observedGeneration',
    'V1ReplicaSetStatus.terminatingReplicas',
    'V1VolumeError.errorCode',
    'V2HPAScalingRules.tolerance',
  ],
  34: [
    'V1Container.restartPolicyRules',
    'V1EnvVarSource.fileKeyRef',
    'V1EphemeralContainer.restartPolicyRules',
    'V1PodSpec.hostnameOverride',
    'V1PodStatus.extendedResourceClaimStatus',
    'V1VolumeProjection.podCertificate',
  ],
  35: [
    'V1CSIDriverSpec.serviceAccountTokenInSecrets',
    'V1CustomResourceDefinitionCondition.observedGeneration',
    'V1CustomResourceDefinitionStatus.observedGeneration',
    'V1NodeStatus.declaredFeatures',
    'V1PodCertificateProjection.userAnnotations',
    'V1PodStatus.allocatedResources',
    'V1PodStatus.resources',
  ],
  36: [
    'V1CSIDriverSpec.preventPodSchedulingIfMissing',
    'V1Device.nodeAllocatableResourceMappings',
    'V1DeviceAttribute.bools',
    'V1DeviceAttribute.ints',
    'V1DeviceAttribute.strings',
    'V1DeviceAttribute.versions',
    'V1PodSpec.schedulingGroup',
    'V1PodStatus.nodeAllocatableResourceClaimStatuses',
    'V1ResourceHealth.message',
    'V1VolumeMountStatus.volumeStatus',
  ],
};
