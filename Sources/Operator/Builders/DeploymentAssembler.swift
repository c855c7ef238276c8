import CRDs
import KubernetesCore

/// Puts a component's container into a Deployment the same way for every component: restricted
/// security, a writable `/tmp`, the ServiceAccount, image pull secrets, Pod template overrides, and the
/// `rag.dev/config-hash` annotation.
public enum DeploymentAssembler {
    /// What differs between components.
    public struct Workload: Sendable {
        public var component: PipelineComponent
        /// `nil` when an autoscaler owns the Deployment's replicas (``BuildContext/appliedReplicas(_:)``):
        /// the apply configuration then leaves the field out.
        public var replicas: Int?
        public var container: Container
        /// Volumes besides `/tmp`, with their mounts in the container.
        public var volumes: [(Volume, VolumeMount)] = []
        public var overrides: PodTemplateOverrides?
        public var strategy: DeploymentStrategy?
        /// `Never` or `OnFailure` for a Job's Pods; `nil` (Always) for a Deployment's.
        public var restartPolicy: String?

        public init(component: PipelineComponent, replicas: Int?, container: Container, overrides: PodTemplateOverrides? = nil) {
            self.component = component
            self.replicas = replicas
            self.container = container
            self.overrides = overrides
        }
    }

    /// The Deployment `<pipeline>-<component>`.
    ///
    /// - Throws: an `EncodingError` if the Pod template cannot be hashed.
    public static func deployment(_ context: BuildContext, _ workload: Workload) throws -> Deployment {
        let component = workload.component
        var spec = DeploymentSpec(replicas: workload.replicas, selector: LabelSelector(matchLabels: context.selectorLabels(component)), template: try podTemplate(context, workload))
        spec.strategy = workload.strategy
        return Deployment(metadata: context.metadata(context.childName(component), component: component), spec: spec)
    }

    /// The Pod template of a workload (a Deployment's, or a Job's): the container with restricted
    /// security and its volumes, the component's ServiceAccount, and the `rag.dev/config-hash` annotation.
    ///
    /// - Throws: an `EncodingError` if the Pod template cannot be hashed.
    public static func podTemplate(_ context: BuildContext, _ workload: Workload) throws -> PodTemplateSpec {
        let component = workload.component
        let scratch = [RestrictedPodSecurity.scratch("tmp", at: "/tmp")] + workload.volumes
        var container = workload.container
        container.imagePullPolicy = context.spec.imagePullPolicy
        container.securityContext = RestrictedPodSecurity.containerSecurityContext
        container.volumeMounts = scratch.map(\.1)

        var pod = PodSpec(containers: [container])
        pod.serviceAccountName = context.childName(component)
        pod.automountServiceAccountToken = false
        pod.enableServiceLinks = false
        pod.securityContext = RestrictedPodSecurity.podSecurityContext
        pod.volumes = scratch.map(\.0)
        pod.imagePullSecrets = context.spec.imagePullSecrets
        pod.nodeSelector = workload.overrides?.nodeSelector
        pod.tolerations = workload.overrides?.tolerations
        pod.restartPolicy = workload.restartPolicy

        let labels = (workload.overrides?.labels ?? [:]).merging(context.labels(component)) { _, ours in ours }
        let unhashed = PodTemplateSpec(metadata: ObjectMeta(labels: labels, annotations: workload.overrides?.annotations), spec: pod)
        let annotations = (workload.overrides?.annotations ?? [:]).merging([PipelineLabels.configHashAnnotation: try ConfigHash.of(unhashed)]) { _, ours in ours }
        return PodTemplateSpec(metadata: ObjectMeta(labels: labels, annotations: annotations), spec: pod)
    }

    /// A runtime container: the pipeline's image, `args`, the environment, port 8080 (and the
    /// internal listener's port, named `internal`, when given) and the `/healthz` and `/readyz` probes.
    public static func runtimeContainer(
        _ context: BuildContext, args: [String], env: [EnvVar], resources: ResourceRequirements?, internalPort: Int? = nil
    ) -> Container {
        var container = Container(name: "rag-runtime", image: context.spec.image)
        container.args = args
        container.env = env
        container.resources = resources
        container.ports = [ContainerPort(name: "http", containerPort: RuntimeEnvironment.port, protocol: "TCP")]
        if let internalPort { container.ports?.append(ContainerPort(name: "internal", containerPort: internalPort, protocol: "TCP")) }
        container.readinessProbe = probe("/readyz", periodSeconds: 10)
        container.livenessProbe = probe("/healthz", periodSeconds: 20)
        return container
    }

    static func probe(_ path: String, port: IntOrString = "http", periodSeconds: Int, failureThreshold: Int = 3, timeoutSeconds: Int = 5) -> Probe {
        var probe = Probe(httpGet: .init(path: path, port: port))
        probe.periodSeconds = periodSeconds
        probe.failureThreshold = failureThreshold
        probe.timeoutSeconds = timeoutSeconds
        return probe
    }
}
