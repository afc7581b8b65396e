// Go JSON facts of the built-in types we decode (k8s.io/api core/v1, apps/v1, batch/v1, autoscaling/v1 Scale and
// k8s.io/apimachinery meta/v1, Kubernetes 1.36), written as a compact table we own.
//
// Each struct is a list of fields in Go declaration order (the order encoding/json writes):
//   name[?][@NN][!NN]:type   `?` = the json tag has omitempty; `@NN` = the field exists from 1.NN on;
//                       `!NN` = omitzero from 1.NN on (a zero time is then not rendered);
//                       `~NN` = the field exists up to 1.NN only (removed in the next release)
// types:
//   str | str=v1.Named  string (a named string type prints its Go name in decode errors)
//   i32 i64 bool f64    numbers and booleans
//   qty                 resource.Quantity (canonical string; "0" when zero)
//   ios                 intstr.IntOrString (int or string; 0 when zero)
//   time                metav1.Time (RFC 3339 in UTC; null when zero)
//   bytes               []byte (base64)
//   raw                 any JSON kept as written (parts we do not model)
//   *T []T {}T          pointer, slice, map with string keys
//   rl                  v1.ResourceList (map of quantities)
//   @Name               a struct of this table
// Embedded (inline) structs are written out in place.

const LOCAL_OBJECT_REFERENCE = 'name?:str';
const CONTAINER_FIELDS =
  'name:str image?:str command?:[]str args?:[]str workingDir?:str ports?:[]@ContainerPort envFrom?:[]@EnvFromSource ' +
  'env?:[]@EnvVar resources?:@ResourceRequirements resizePolicy?:[]@ContainerResizePolicy restartPolicy?:*str=v1.ContainerRestartPolicy ' +
  'restartPolicyRules?@34:[]raw volumeMounts?:[]@VolumeMount volumeDevices?:[]@VolumeDevice livenessProbe?:*@Probe readinessProbe?:*@Probe ' +
  'startupProbe?:*@Probe lifecycle?:*@Lifecycle terminationMessagePath?:str terminationMessagePolicy?:str=v1.TerminationMessagePolicy ' +
  'imagePullPolicy?:str=v1.PullPolicy securityContext?:*@SecurityContext stdin?:bool stdinOnce?:bool tty?:bool';
const PROBE_HANDLER = 'exec?:*@ExecAction httpGet?:*@HTTPGetAction tcpSocket?:*@TCPSocketAction grpc?:*@GRPCAction';
const POD_TEMPLATE_OWNER = 'kind?:str apiVersion?:str metadata?:@ObjectMeta';

export const GO_STRUCTS: Record<string, string> = {
  // ---- meta/v1 ----
  ObjectMeta:
    'name?:str generateName?:str namespace?:str selfLink?:str uid?:str=types.UID resourceVersion?:str generation?:i64 ' +
    'creationTimestamp?!34:time deletionTimestamp?:*time deletionGracePeriodSeconds?:*i64 labels?:{}str annotations?:{}str ' +
    'ownerReferences?:[]@OwnerReference finalizers?:[]str managedFields?:[]@ManagedFieldsEntry',
  ObjectReference: 'kind?:str namespace?:str name?:str uid?:str=types.UID apiVersion?:str resourceVersion?:str fieldPath?:str',
  OwnerReference: 'apiVersion:str kind:str name:str uid:str=types.UID controller?:*bool blockOwnerDeletion?:*bool',
  ManagedFieldsEntry: 'manager?:str operation?:str=v1.ManagedFieldsOperationType apiVersion?:str time?:*time fieldsType?:str fieldsV1?:*raw subresource?:str',
  LabelSelector: 'matchLabels?:{}str matchExpressions?:[]@LabelSelectorRequirement',
  LabelSelectorRequirement: 'key:str operator:str=v1.LabelSelectorOperator values?:[]str',

  // ---- core/v1 objects ----
  Pod: `${POD_TEMPLATE_OWNER} spec?:@PodSpec status?:@PodStatus`,
  PodTemplate: `${POD_TEMPLATE_OWNER} template?:@PodTemplateSpec`,
  ConfigMap: `${POD_TEMPLATE_OWNER} immutable?:*bool data?:{}str binaryData?:{}bytes`,
  Secret: `${POD_TEMPLATE_OWNER} immutable?:*bool data?:{}bytes stringData?:{}str type?:str=v1.SecretType`,
  Namespace: `${POD_TEMPLATE_OWNER} spec?:@NamespaceSpec status?:@NamespaceStatus`,
  NamespaceSpec: 'finalizers?:[]str=v1.FinalizerName',
  // autoscaling/v1 (the scale subresource of deployments, replicasets, statefulsets, …)
  Scale: `${POD_TEMPLATE_OWNER} spec?:@ScaleSpec status?:@ScaleStatus`,
  ScaleSpec: 'replicas?:i32',
  ScaleStatus: 'replicas:i32 selector?:str',
  NamespaceStatus: 'phase?:str=v1.NamespacePhase conditions?:[]@NamespaceCondition',
  ServiceAccount: `${POD_TEMPLATE_OWNER} secrets?:[]@ObjectReference imagePullSecrets?:[]@LocalObjectReference automountServiceAccountToken?:*bool`,
  Service: `${POD_TEMPLATE_OWNER} spec?:@ServiceSpec status?:@ServiceStatus`,
  ServiceSpec:
    'ports?:[]@ServicePort selector?:{}str clusterIP?:str clusterIPs?:[]str type?:str=v1.ServiceType externalIPs?:[]str ' +
    'sessionAffinity?:str=v1.ServiceAffinity loadBalancerIP?:str loadBalancerSourceRanges?:[]str externalName?:str ' +
    'externalTrafficPolicy?:str=v1.ServiceExternalTrafficPolicy healthCheckNodePort?:i32 publishNotReadyAddresses?:bool ' +
    'sessionAffinityConfig?:*@SessionAffinityConfig ipFamilies?:[]str=v1.IPFamily ipFamilyPolicy?:*str=v1.IPFamilyPolicy allocateLoadBalancerNodePorts?:*bool ' +
    'loadBalancerClass?:*str internalTrafficPolicy?:*str=v1.ServiceInternalTrafficPolicy trafficDistribution?:*str',
  ServicePort: 'name?:str protocol?:str=v1.Protocol appProtocol?:*str port:i32 targetPort?:ios nodePort?:i32',
  SessionAffinityConfig: 'clientIP?:*@ClientIPConfig',
  ClientIPConfig: 'timeoutSeconds?:*i32',
  ServiceStatus: 'loadBalancer?:@LoadBalancerStatus conditions?:[]@Condition',
  LoadBalancerStatus: 'ingress?:[]@LoadBalancerIngress',
  LoadBalancerIngress: 'ip?:str hostname?:str ipMode?:*str=v1.LoadBalancerIPMode ports?:[]@PortStatus',
  PortStatus: 'port:i32 protocol:str=v1.Protocol error?:*str',

  // ---- PodSpec and friends ----
  PodTemplateSpec: 'metadata?:@ObjectMeta spec?:@PodSpec',
  PodSpec:
    'volumes?:[]@Volume initContainers?:[]@Container containers:[]@Container ephemeralContainers?:[]@EphemeralContainer ' +
    'restartPolicy?:str=v1.RestartPolicy terminationGracePeriodSeconds?:*i64 activeDeadlineSeconds?:*i64 dnsPolicy?:str=v1.DNSPolicy ' +
    'nodeSelector?:{}str serviceAccountName?:str serviceAccount?:str automountServiceAccountToken?:*bool nodeName?:str ' +
    'hostNetwork?:bool hostPID?:bool hostIPC?:bool shareProcessNamespace?:*bool securityContext?:*@PodSecurityContext ' +
    'imagePullSecrets?:[]@LocalObjectReference hostname?:str subdomain?:str affinity?:*@Affinity schedulerName?:str ' +
    'tolerations?:[]@Toleration hostAliases?:[]@HostAlias priorityClassName?:str priority?:*i32 dnsConfig?:*@PodDNSConfig ' +
    'readinessGates?:[]@PodReadinessGate runtimeClassName?:*str enableServiceLinks?:*bool preemptionPolicy?:*str=v1.PreemptionPolicy ' +
    'overhead?:rl topologySpreadConstraints?:[]@TopologySpreadConstraint setHostnameAsFQDN?:*bool os?:*@PodOS hostUsers?:*bool ' +
    'schedulingGates?:[]@PodSchedulingGate resourceClaims?:[]@PodResourceClaim resources?:*@ResourceRequirements hostnameOverride?@34:*str workloadRef?@35~35:*raw schedulingGroup?@36:*raw',
  HostIP: 'ip:str',
  PodIP: 'ip:str',
  PodStatus:
    'observedGeneration?@33:i64 phase?:str=v1.PodPhase conditions?:[]@PodCondition message?:str reason?:str nominatedNodeName?:str hostIP?:str ' +
    'hostIPs?:[]@HostIP podIP?:str podIPs?:[]@PodIP startTime?:*time initContainerStatuses?:[]raw containerStatuses?:[]raw ' +
    'qosClass?:str=v1.PodQOSClass ephemeralContainerStatuses?:[]raw resize?:str=v1.PodResizeStatus resourceClaimStatuses?:[]raw extendedResourceClaimStatus?@34:*raw ' +
    'allocatedResources?@35:rl resources?@35:*@ResourceRequirements nodeAllocatableResourceClaimStatuses?@36:[]raw',
  Container: CONTAINER_FIELDS,
  EphemeralContainer: `${CONTAINER_FIELDS} targetContainerName?:str`,
  ContainerPort: 'name?:str hostPort?:i32 containerPort:i32 protocol?:str=v1.Protocol hostIP?:str',
  EnvFromSource: 'prefix?:str configMapRef?:*@ConfigMapEnvSource secretRef?:*@SecretEnvSource',
  ConfigMapEnvSource: `${LOCAL_OBJECT_REFERENCE} optional?:*bool`,
  SecretEnvSource: `${LOCAL_OBJECT_REFERENCE} optional?:*bool`,
  EnvVar: 'name:str value?:str valueFrom?:*@EnvVarSource',
  EnvVarSource:
    'fieldRef?:*@ObjectFieldSelector resourceFieldRef?:*@ResourceFieldSelector configMapKeyRef?:*@ConfigMapKeySelector ' +
    'secretKeyRef?:*@SecretKeySelector fileKeyRef?@34:*raw',
  ObjectFieldSelector: 'apiVersion?:str fieldPath:str',
  ResourceFieldSelector: 'containerName?:str resource:str divisor?:qty',
  ConfigMapKeySelector: `${LOCAL_OBJECT_REFERENCE} key:str optional?:*bool`,
  SecretKeySelector: `${LOCAL_OBJECT_REFERENCE} key:str optional?:*bool`,
  ResourceRequirements: 'limits?:rl requests?:rl claims?:[]@ResourceClaim',
  ResourceClaim: 'name:str request?:str',
  ContainerResizePolicy: 'resourceName:str=v1.ResourceName restartPolicy:str=v1.ResourceResizeRestartPolicy',
  VolumeMount:
    'name:str readOnly?:bool recursiveReadOnly?:*str=v1.RecursiveReadOnlyMode mountPath:str subPath?:str ' +
    'mountPropagation?:*str=v1.MountPropagationMode subPathExpr?:str',
  VolumeDevice: 'name:str devicePath:str',
  Probe:
    `${PROBE_HANDLER} initialDelaySeconds?:i32 timeoutSeconds?:i32 periodSeconds?:i32 successThreshold?:i32 ` +
    'failureThreshold?:i32 terminationGracePeriodSeconds?:*i64',
  ExecAction: 'command?:[]str',
  HTTPGetAction: 'path?:str port:ios host?:str scheme?:str=v1.URIScheme httpHeaders?:[]@HTTPHeader',
  HTTPHeader: 'name:str value:str',
  TCPSocketAction: 'port:ios host?:str',
  GRPCAction: 'port:i32 service:*str',
  Lifecycle: 'postStart?:*@LifecycleHandler preStop?:*@LifecycleHandler stopSignal?@33:*str=v1.Signal',
  LifecycleHandler: 'exec?:*@ExecAction httpGet?:*@HTTPGetAction tcpSocket?:*@TCPSocketAction sleep?:*@SleepAction',
  SleepAction: 'seconds:i64',
  SecurityContext:
    'capabilities?:*@Capabilities privileged?:*bool seLinuxOptions?:*@SELinuxOptions windowsOptions?:*@WindowsSecurityContextOptions ' +
    'runAsUser?:*i64 runAsGroup?:*i64 runAsNonRoot?:*bool readOnlyRootFilesystem?:*bool allowPrivilegeEscalation?:*bool ' +
    'procMount?:*str=v1.ProcMountType seccompProfile?:*@SeccompProfile appArmorProfile?:*@AppArmorProfile',
  Capabilities: 'add?:[]str=v1.Capability drop?:[]str=v1.Capability',
  SELinuxOptions: 'user?:str role?:str type?:str level?:str',
  WindowsSecurityContextOptions: 'gmsaCredentialSpecName?:*str gmsaCredentialSpec?:*str runAsUserName?:*str hostProcess?:*bool',
  SeccompProfile: 'type:str=v1.SeccompProfileType localhostProfile?:*str',
  AppArmorProfile: 'type:str=v1.AppArmorProfileType localhostProfile?:*str',
  PodSecurityContext:
    'seLinuxOptions?:*@SELinuxOptions windowsOptions?:*@WindowsSecurityContextOptions runAsUser?:*i64 runAsGroup?:*i64 ' +
    'runAsNonRoot?:*bool supplementalGroups?:[]i64 supplementalGroupsPolicy?:*str=v1.SupplementalGroupsPolicy fsGroup?:*i64 ' +
    'sysctls?:[]@Sysctl fsGroupChangePolicy?:*str=v1.PodFSGroupChangePolicy seccompProfile?:*@SeccompProfile ' +
    'appArmorProfile?:*@AppArmorProfile seLinuxChangePolicy?:*str=v1.PodSELinuxChangePolicy',
  Sysctl: 'name:str value:str',
  LocalObjectReference: LOCAL_OBJECT_REFERENCE,
  Toleration: 'key?:str operator?:str=v1.TolerationOperator value?:str effect?:str=v1.TaintEffect tolerationSeconds?:*i64',
  HostAlias: 'ip:str hostnames?:[]str',
  PodDNSConfig: 'nameservers?:[]str searches?:[]str options?:[]@PodDNSConfigOption',
  PodDNSConfigOption: 'name?:str value?:*str',
  PodReadinessGate: 'conditionType:str=v1.PodConditionType',
  TopologySpreadConstraint:
    'maxSkew:i32 topologyKey:str whenUnsatisfiable:str=v1.UnsatisfiableConstraintAction labelSelector?:*@LabelSelector ' +
    'minDomains?:*i32 nodeAffinityPolicy?:*str=v1.NodeInclusionPolicy nodeTaintsPolicy?:*str=v1.NodeInclusionPolicy matchLabelKeys?:[]str',
  PodOS: 'name:str=v1.OSName',
  PodSchedulingGate: 'name:str',
  PodResourceClaim: 'name:str resourceClaimName?:*str resourceClaimTemplateName?:*str',
  Affinity: 'nodeAffinity?:*@NodeAffinity podAffinity?:*@PodAffinity podAntiAffinity?:*@PodAntiAffinity',
  NodeAffinity:
    'requiredDuringSchedulingIgnoredDuringExecution?:*@NodeSelector preferredDuringSchedulingIgnoredDuringExecution?:[]@PreferredSchedulingTerm',
  NodeSelector: 'nodeSelectorTerms:[]@NodeSelectorTerm',
  NodeSelectorTerm: 'matchExpressions?:[]@NodeSelectorRequirement matchFields?:[]@NodeSelectorRequirement',
  NodeSelectorRequirement: 'key:str operator:str=v1.NodeSelectorOperator values?:[]str',
  PreferredSchedulingTerm: 'weight:i32 preference:@NodeSelectorTerm',
  PodAffinity:
    'requiredDuringSchedulingIgnoredDuringExecution?:[]@PodAffinityTerm preferredDuringSchedulingIgnoredDuringExecution?:[]@WeightedPodAffinityTerm',
  PodAntiAffinity:
    'requiredDuringSchedulingIgnoredDuringExecution?:[]@PodAffinityTerm preferredDuringSchedulingIgnoredDuringExecution?:[]@WeightedPodAffinityTerm',
  PodAffinityTerm:
    'labelSelector?:*@LabelSelector namespaces?:[]str topologyKey:str namespaceSelector?:*@LabelSelector matchLabelKeys?:[]str mismatchLabelKeys?:[]str',
  WeightedPodAffinityTerm: 'weight:i32 podAffinityTerm:@PodAffinityTerm',

  // ---- volumes (common sources modelled; the rarer ones kept as written) ----
  Volume:
    'name:str hostPath?:*@HostPathVolumeSource emptyDir?:*@EmptyDirVolumeSource gcePersistentDisk?:*raw awsElasticBlockStore?:*raw ' +
    'gitRepo?:*raw secret?:*@SecretVolumeSource nfs?:*@NFSVolumeSource iscsi?:*raw glusterfs?:*raw ' +
    'persistentVolumeClaim?:*@PersistentVolumeClaimVolumeSource rbd?:*raw flexVolume?:*raw cinder?:*raw cephfs?:*raw flocker?:*raw ' +
    'downwardAPI?:*@DownwardAPIVolumeSource fc?:*raw azureFile?:*raw configMap?:*@ConfigMapVolumeSource vsphereVolume?:*raw ' +
    'quobyte?:*raw azureDisk?:*raw photonPersistentDisk?:*raw projected?:*@ProjectedVolumeSource portworxVolume?:*raw scaleIO?:*raw ' +
    'storageos?:*raw csi?:*@CSIVolumeSource ephemeral?:*raw image?:*@ImageVolumeSource',
  HostPathVolumeSource: 'path:str type?:*str=v1.HostPathType',
  EmptyDirVolumeSource: 'medium?:str=v1.StorageMedium sizeLimit?:*qty',
  SecretVolumeSource: 'secretName?:str items?:[]@KeyToPath defaultMode?:*i32 optional?:*bool',
  KeyToPath: 'key:str path:str mode?:*i32',
  NFSVolumeSource: 'server:str path:str readOnly?:bool',
  PersistentVolumeClaimVolumeSource: 'claimName:str readOnly?:bool',
  DownwardAPIVolumeSource: 'items?:[]@DownwardAPIVolumeFile defaultMode?:*i32',
  DownwardAPIVolumeFile: 'path:str fieldRef?:*@ObjectFieldSelector resourceFieldRef?:*@ResourceFieldSelector mode?:*i32',
  ConfigMapVolumeSource: `${LOCAL_OBJECT_REFERENCE} items?:[]@KeyToPath defaultMode?:*i32 optional?:*bool`,
  ProjectedVolumeSource: 'sources:[]@VolumeProjection defaultMode?:*i32',
  VolumeProjection:
    'secret?:*@SecretProjection downwardAPI?:*@DownwardAPIProjection configMap?:*@ConfigMapProjection ' +
    'serviceAccountToken?:*@ServiceAccountTokenProjection clusterTrustBundle?:*raw podCertificate?@34:*raw',
  SecretProjection: `${LOCAL_OBJECT_REFERENCE} items?:[]@KeyToPath optional?:*bool`,
  ConfigMapProjection: `${LOCAL_OBJECT_REFERENCE} items?:[]@KeyToPath optional?:*bool`,
  DownwardAPIProjection: 'items?:[]@DownwardAPIVolumeFile',
  ServiceAccountTokenProjection: 'audience?:str expirationSeconds?:*i64 path:str',
  CSIVolumeSource: 'driver:str readOnly?:*bool fsType?:*str volumeAttributes?:{}str nodePublishSecretRef?:*@LocalObjectReference',
  ImageVolumeSource: 'reference?:str pullPolicy?:str=v1.PullPolicy',

  // ---- apps/v1 ----
  Deployment: `${POD_TEMPLATE_OWNER} spec?:@DeploymentSpec status?:@DeploymentStatus`,
  DeploymentSpec:
    'replicas?:*i32 selector:*@LabelSelector template:@PodTemplateSpec strategy?:@DeploymentStrategy minReadySeconds?:i32 ' +
    'revisionHistoryLimit?:*i32 paused?:bool progressDeadlineSeconds?:*i32',
  DeploymentStrategy: 'type?:str=v1.DeploymentStrategyType rollingUpdate?:*@RollingUpdateDeployment',
  RollingUpdateDeployment: 'maxUnavailable?:*ios maxSurge?:*ios',
  DeploymentStatus:
    'observedGeneration?:i64 replicas?:i32 updatedReplicas?:i32 readyReplicas?:i32 availableReplicas?:i32 unavailableReplicas?:i32 ' +
    'terminatingReplicas?@33:*i32 conditions?:[]@DeploymentCondition collisionCount?:*i32',
  StatefulSet: `${POD_TEMPLATE_OWNER} spec?:@StatefulSetSpec status?:@StatefulSetStatus`,
  StatefulSetSpec:
    'replicas?:*i32 selector:*@LabelSelector template:@PodTemplateSpec volumeClaimTemplates?:[]@PersistentVolumeClaim serviceName:str ' +
    'podManagementPolicy?:str=v1.PodManagementPolicyType updateStrategy?:@StatefulSetUpdateStrategy revisionHistoryLimit?:*i32 ' +
    'minReadySeconds?:i32 persistentVolumeClaimRetentionPolicy?:*@StatefulSetPersistentVolumeClaimRetentionPolicy ordinals?:*@StatefulSetOrdinals',
  StatefulSetUpdateStrategy: 'type?:str=v1.StatefulSetUpdateStrategyType rollingUpdate?:*@RollingUpdateStatefulSetStrategy',
  RollingUpdateStatefulSetStrategy: 'partition?:*i32 maxUnavailable?:*ios',
  StatefulSetPersistentVolumeClaimRetentionPolicy:
    'whenDeleted?:str=v1.PersistentVolumeClaimRetentionPolicyType whenScaled?:str=v1.PersistentVolumeClaimRetentionPolicyType',
  StatefulSetOrdinals: 'start:i32',
  StatefulSetStatus:
    'observedGeneration?:i64 replicas:i32 readyReplicas?:i32 currentReplicas?:i32 updatedReplicas?:i32 currentRevision?:str ' +
    'updateRevision?:str collisionCount?:*i32 conditions?:[]@StatefulSetCondition availableReplicas:i32',
  DaemonSet: `${POD_TEMPLATE_OWNER} spec?:@DaemonSetSpec status?:@DaemonSetStatus`,
  DaemonSetSpec:
    'selector:*@LabelSelector template:@PodTemplateSpec updateStrategy?:@DaemonSetUpdateStrategy minReadySeconds?:i32 revisionHistoryLimit?:*i32',
  DaemonSetUpdateStrategy: 'type?:str=v1.DaemonSetUpdateStrategyType rollingUpdate?:*@RollingUpdateDaemonSet',
  RollingUpdateDaemonSet: 'maxUnavailable?:*ios maxSurge?:*ios',
  DaemonSetStatus:
    'currentNumberScheduled:i32 numberMisscheduled:i32 desiredNumberScheduled:i32 numberReady:i32 observedGeneration?:i64 ' +
    'updatedNumberScheduled?:i32 numberAvailable?:i32 numberUnavailable?:i32 collisionCount?:*i32 conditions?:[]@DaemonSetCondition',
  ReplicaSet: `${POD_TEMPLATE_OWNER} spec?:@ReplicaSetSpec status?:@ReplicaSetStatus`,
  ReplicaSetSpec: 'replicas?:*i32 minReadySeconds?:i32 selector:*@LabelSelector template?:@PodTemplateSpec',
  ReplicaSetStatus:
    'replicas:i32 fullyLabeledReplicas?:i32 readyReplicas?:i32 availableReplicas?:i32 terminatingReplicas?@33:*i32 observedGeneration?:i64 conditions?:[]@ReplicaSetCondition',

  // ---- batch/v1 ----
  Job: `${POD_TEMPLATE_OWNER} spec?:@JobSpec status?:@JobStatus`,
  JobSpec:
    'parallelism?:*i32 completions?:*i32 activeDeadlineSeconds?:*i64 podFailurePolicy?:*raw successPolicy?:*raw backoffLimit?:*i32 ' +
    'backoffLimitPerIndex?:*i32 maxFailedIndexes?:*i32 selector?:*@LabelSelector manualSelector?:*bool template:@PodTemplateSpec ' +
    'ttlSecondsAfterFinished?:*i32 completionMode?:*str=v1.CompletionMode suspend?:*bool podReplacementPolicy?:*str=v1.PodReplacementPolicy managedBy?:*str',
  JobStatus:
    'conditions?:[]@JobCondition startTime?:*time completionTime?:*time active?:i32 succeeded?:i32 failed?:i32 terminating?:*i32 ' +
    'completedIndexes?:str failedIndexes?:*str uncountedTerminatedPods?:*raw ready?:*i32',
  CronJob: `${POD_TEMPLATE_OWNER} spec?:@CronJobSpec status?:@CronJobStatus`,
  CronJobSpec:
    'schedule:str timeZone?:*str startingDeadlineSeconds?:*i64 concurrencyPolicy?:str=v1.ConcurrencyPolicy suspend?:*bool ' +
    'jobTemplate:@JobTemplateSpec successfulJobsHistoryLimit?:*i32 failedJobsHistoryLimit?:*i32',
  JobTemplateSpec: 'metadata?:@ObjectMeta spec?:@JobSpec',
  CronJobStatus: 'active?:[]raw lastScheduleTime?:*time lastSuccessfulTime?:*time',

  // ---- more kinds (generated from k8s.io/api v0.36.3 types.go by a throwaway script, checked) ----
  AggregationRule: 'clusterRoleSelectors?:[]@LabelSelector',
  ClusterRole: `${POD_TEMPLATE_OWNER} rules:[]@PolicyRule aggregationRule?:*@AggregationRule`,
  ClusterRoleBinding: `${POD_TEMPLATE_OWNER} subjects?:[]@Subject roleRef:@RoleRef`,
  // status conditions (their Time fields have omitempty only: a zero time renders as null)
  PodCondition: 'type:str=v1.PodConditionType observedGeneration?@33:i64 status:str=v1.ConditionStatus lastProbeTime?:time lastTransitionTime?:time reason?:str message?:str',
  NamespaceCondition: 'type:str=v1.NamespaceConditionType status:str=v1.ConditionStatus lastTransitionTime?:time reason?:str message?:str',
  DeploymentCondition: 'type:str=v1.DeploymentConditionType status:str=v1.ConditionStatus lastUpdateTime?:time lastTransitionTime?:time reason?:str message?:str',
  StatefulSetCondition: 'type:str=v1.StatefulSetConditionType status:str=v1.ConditionStatus lastTransitionTime?:time reason?:str message?:str',
  DaemonSetCondition: 'type:str=v1.DaemonSetConditionType status:str=v1.ConditionStatus lastTransitionTime?:time reason?:str message?:str',
  ReplicaSetCondition: 'type:str=v1.ReplicaSetConditionType status:str=v1.ConditionStatus lastTransitionTime?:time reason?:str message?:str',
  JobCondition: 'type:str=v1.JobConditionType status:str=v1.ConditionStatus lastProbeTime?:time lastTransitionTime?:time reason?:str message?:str',
  Condition: 'type:str status:str=v1.ConditionStatus observedGeneration?:i64 lastTransitionTime:time reason:str message:str',
  HTTPIngressPath: 'path?:str pathType:*str=v1.PathType backend:@IngressBackend',
  HTTPIngressRuleValue: 'paths:[]@HTTPIngressPath',
  IPBlock: 'cidr:str except?:[]str',
  Ingress: `${POD_TEMPLATE_OWNER} spec?:@IngressSpec status?:@IngressStatus`,
  IngressBackend: 'service?:*@IngressServiceBackend resource?:*@TypedLocalObjectReference',
  IngressClass: `${POD_TEMPLATE_OWNER} spec?:@IngressClassSpec`,
  IngressClassParametersReference: 'apiGroup?:*str kind:str name:str scope:*str namespace?:*str',
  IngressClassSpec: 'controller?:str parameters?:*@IngressClassParametersReference',
  IngressLoadBalancerIngress: 'ip?:str hostname?:str ports?:[]@IngressPortStatus',
  IngressLoadBalancerStatus: 'ingress?:[]@IngressLoadBalancerIngress',
  IngressPortStatus: 'port:i32 protocol:str=v1.Protocol error?:*str',
  IngressRule: 'host?:str http?:*@HTTPIngressRuleValue',
  IngressServiceBackend: 'name:str port?:@ServiceBackendPort',
  IngressSpec: 'ingressClassName?:*str defaultBackend?:*@IngressBackend tls?:[]@IngressTLS rules?:[]@IngressRule',
  IngressStatus: 'loadBalancer?:@IngressLoadBalancerStatus',
  IngressTLS: 'hosts?:[]str secretName?:str',
  ModifyVolumeStatus: 'targetVolumeAttributesClassName?:str status:str=v1.PersistentVolumeClaimModifyVolumeStatus',
  NetworkPolicy: `${POD_TEMPLATE_OWNER} spec?:@NetworkPolicySpec`,
  NetworkPolicyEgressRule: 'ports?:[]@NetworkPolicyPort to?:[]@NetworkPolicyPeer',
  NetworkPolicyIngressRule: 'ports?:[]@NetworkPolicyPort from?:[]@NetworkPolicyPeer',
  NetworkPolicyPeer: 'podSelector?:*@LabelSelector namespaceSelector?:*@LabelSelector ipBlock?:*@IPBlock',
  NetworkPolicyPort: 'protocol?:*str=v1.Protocol port?:*ios endPort?:*i32',
  NetworkPolicySpec: 'podSelector:@LabelSelector ingress?:[]@NetworkPolicyIngressRule egress?:[]@NetworkPolicyEgressRule policyTypes?:[]str=v1.PolicyType',
  PersistentVolumeClaim: `${POD_TEMPLATE_OWNER} spec?:@PersistentVolumeClaimSpec status?:@PersistentVolumeClaimStatus`,
  PersistentVolumeClaimCondition: 'type:str=v1.PersistentVolumeClaimConditionType status:str=v1.ConditionStatus lastProbeTime?:time lastTransitionTime?:time reason?:str message?:str',
  PersistentVolumeClaimSpec: 'accessModes?:[]str=v1.PersistentVolumeAccessMode selector?:*@LabelSelector resources?:@VolumeResourceRequirements volumeName?:str storageClassName?:*str volumeMode?:*str=v1.PersistentVolumeMode dataSource?:*@TypedLocalObjectReference dataSourceRef?:*@TypedObjectReference volumeAttributesClassName?:*str',
  PersistentVolumeClaimStatus: 'phase?:str=v1.PersistentVolumeClaimPhase accessModes?:[]str=v1.PersistentVolumeAccessMode capacity?:rl conditions?:[]@PersistentVolumeClaimCondition allocatedResources?:rl allocatedResourceStatuses?:{}str=v1.ClaimResourceStatus currentVolumeAttributesClassName?:*str modifyVolumeStatus?:*@ModifyVolumeStatus',
  PodDisruptionBudget: `${POD_TEMPLATE_OWNER} spec?:@PodDisruptionBudgetSpec status?:@PodDisruptionBudgetStatus`,
  PodDisruptionBudgetSpec: 'minAvailable?:*ios selector?:*@LabelSelector maxUnavailable?:*ios unhealthyPodEvictionPolicy?:*str=v1.UnhealthyPodEvictionPolicyType',
  PodDisruptionBudgetStatus: 'observedGeneration?:i64 disruptedPods?:{}time disruptionsAllowed:i32 currentHealthy:i32 desiredHealthy:i32 expectedPods:i32 conditions?:[]@Condition',
  PolicyRule: 'verbs:[]str apiGroups?:[]str resources?:[]str resourceNames?:[]str nonResourceURLs?:[]str',
  Role: `${POD_TEMPLATE_OWNER} rules:[]@PolicyRule`,
  RoleBinding: `${POD_TEMPLATE_OWNER} subjects?:[]@Subject roleRef:@RoleRef`,
  RoleRef: 'apiGroup:str kind:str name:str',
  ServiceBackendPort: 'name?:str number?:i32',
  Subject: 'kind:str apiGroup?:str name:str namespace?:str',
  TypedLocalObjectReference: 'apiGroup:*str kind:str name:str',
  TypedObjectReference: 'apiGroup:*str kind:str name:str namespace?:*str',
  VolumeResourceRequirements: 'limits?:rl requests?:rl',

  // ---- admissionregistration.k8s.io v1alpha1 / v1beta1 / v1 (structurally identical; `$` is
  // the version's Go package name in decode errors) ----
  MutatingAdmissionPolicy: `${POD_TEMPLATE_OWNER} spec?:@MutatingAdmissionPolicySpec`,
  MutatingAdmissionPolicySpec:
    'paramKind?:*@ParamKind matchConstraints?:*@MatchResources variables?:[]@Variable mutations?:[]@Mutation ' +
    'failurePolicy?:*str=$.FailurePolicyType matchConditions?:[]@MatchCondition reinvocationPolicy?:str=$.ReinvocationPolicyType',
  MatchResources:
    'namespaceSelector?:*@LabelSelector objectSelector?:*@LabelSelector resourceRules?:[]@NamedRuleWithOperations ' +
    'excludeResourceRules?:[]@NamedRuleWithOperations matchPolicy?:*str=$.MatchPolicyType',
  NamedRuleWithOperations:
    'resourceNames?:[]str operations?:[]str=$.OperationType apiGroups?:[]str apiVersions?:[]str resources?:[]str scope?:*str=$.ScopeType',
  ParamKind: 'apiVersion?:str kind?:str',
  Variable: 'name:str expression:str',
  MatchCondition: 'name:str expression:str',
  Mutation: 'patchType:str=$.PatchType applyConfiguration?:*@ApplyConfiguration jsonPatch?:*@JSONPatch',
  ApplyConfiguration: 'expression?:str',
  JSONPatch: 'expression?:str',
  MutatingAdmissionPolicyBinding: `${POD_TEMPLATE_OWNER} spec?:@MutatingAdmissionPolicyBindingSpec`,
  MutatingAdmissionPolicyBindingSpec: 'policyName?:str paramRef?:*@ParamRef matchResources?:*@MatchResources',
  ParamRef: 'name?:str namespace?:str selector?:*@LabelSelector parameterNotFoundAction?:*str=$.ParameterNotFoundActionType',
};

/** Structs of the admissionregistration group: their Go package is the API version. */
export const VERSIONED_PACKAGE_STRUCTS: ReadonlySet<string> = new Set([
  'MutatingAdmissionPolicy', 'MutatingAdmissionPolicySpec', 'MatchResources', 'NamedRuleWithOperations', 'ParamKind', 'Variable',
  'MatchCondition', 'Mutation', 'ApplyConfiguration', 'JSONPatch', 'MutatingAdmissionPolicyBinding', 'MutatingAdmissionPolicyBindingSpec', 'ParamRef',
]);

/** Top-level kinds the table covers: "group/version/Kind" -> struct name. */
export const TYPED_KINDS: Record<string, string> = {
  '/v1/Pod': 'Pod',
  '/v1/PodTemplate': 'PodTemplate',
  '/v1/ConfigMap': 'ConfigMap',
  '/v1/Secret': 'Secret',
  '/v1/Namespace': 'Namespace',
  '/v1/ServiceAccount': 'ServiceAccount',
  '/v1/Service': 'Service',
  'apps/v1/Deployment': 'Deployment',
  'apps/v1/StatefulSet': 'StatefulSet',
  'apps/v1/DaemonSet': 'DaemonSet',
  'apps/v1/ReplicaSet': 'ReplicaSet',
  'batch/v1/Job': 'Job',
  'batch/v1/CronJob': 'CronJob',
  'autoscaling/v1/Scale': 'Scale',
  '/v1/PersistentVolumeClaim': 'PersistentVolumeClaim',
  'networking.k8s.io/v1/Ingress': 'Ingress',
  'networking.k8s.io/v1/IngressClass': 'IngressClass',
  'networking.k8s.io/v1/NetworkPolicy': 'NetworkPolicy',
  'policy/v1/PodDisruptionBudget': 'PodDisruptionBudget',
  'rbac.authorization.k8s.io/v1/Role': 'Role',
  'rbac.authorization.k8s.io/v1/ClusterRole': 'ClusterRole',
  'rbac.authorization.k8s.io/v1/RoleBinding': 'RoleBinding',
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': 'ClusterRoleBinding',
  'admissionregistration.k8s.io/v1/MutatingAdmissionPolicy': 'MutatingAdmissionPolicy',
  'admissionregistration.k8s.io/v1beta1/MutatingAdmissionPolicy': 'MutatingAdmissionPolicy',
  'admissionregistration.k8s.io/v1alpha1/MutatingAdmissionPolicy': 'MutatingAdmissionPolicy',
  'admissionregistration.k8s.io/v1/MutatingAdmissionPolicyBinding': 'MutatingAdmissionPolicyBinding',
  'admissionregistration.k8s.io/v1beta1/MutatingAdmissionPolicyBinding': 'MutatingAdmissionPolicyBinding',
  'admissionregistration.k8s.io/v1alpha1/MutatingAdmissionPolicyBinding': 'MutatingAdmissionPolicyBinding',
};
