import CRDs
import KubernetesCore

/// The query API: `rag-runtime query`, its Service on port 80, and, with the embedded vector store,
/// the PersistentVolumeClaim holding the index.
public enum BackendBuilder {
    /// The Service port; the container listens on 8080.
    public static let servicePort = 80

    /// The backend Deployment. With the embedded store it mounts `<pipeline>-data` at `/var/lib/rag`
    /// and uses the `Recreate` strategy, because the ReadWriteOnce volume cannot attach to two Pods.
    public static func deployment(_ context: BuildContext) throws -> Deployment {
        let spec = context.spec
        let env = RuntimeEnvironment.env(context, for: .backend)
        let container = DeploymentAssembler.runtimeContainer(
            context, args: ["query"], env: env, resources: spec.backend?.resources, internalPort: RuntimeEnvironment.internalPort)
        var workload = DeploymentAssembler.Workload(
            component: .backend, replicas: context.appliedReplicas(.backend),
            container: container, overrides: spec.backend?.podTemplate)
        if spec.vectorStore.embedded != nil {
            var volume = Volume(name: "data")
            volume.persistentVolumeClaim = .init(claimName: dataClaimName(context))
            workload.volumes = [(volume, VolumeMount(name: "data", mountPath: RuntimeEnvironment.dataDirectory))]
            workload.strategy = DeploymentStrategy(type: "Recreate")
        }
        workload.volumes.append(IngestTokenBuilder.volume(context))
        return try DeploymentAssembler.deployment(context, workload)
    }

    /// `<pipeline>-backend`: port 80 (the query API) and 8081 (the internal listener, for the consumer).
    public static func service(_ context: BuildContext) -> Service {
        ServiceBuilder.service(context, for: .backend, port: servicePort, internalPort: RuntimeEnvironment.internalPort)
    }

    /// `http://<pipeline>-backend:80`.
    public static func serviceURL(_ context: BuildContext) -> String {
        ServiceBuilder.url(context, for: .backend, port: servicePort)
    }

    /// `http://<pipeline>-backend:8081`: the internal listener (ingest, dead letters, metrics).
    public static func internalURL(_ context: BuildContext) -> String {
        ServiceBuilder.url(context, for: .backend, port: RuntimeEnvironment.internalPort)
    }

    /// `<pipeline>-data`.
    public static func dataClaimName(_ context: BuildContext) -> String { context.childName("data") }

    /// The embedded store's volume: ReadWriteOnce, `vectorStore.embedded.storage`, the given StorageClass.
    /// `nil` with OpenSearch.
    public static func dataClaim(_ context: BuildContext) -> PersistentVolumeClaim? {
        guard let embedded = context.spec.vectorStore.embedded else { return nil }
        let resources = ResourceRequirements(requests: ["storage": embedded.storage ?? RAGPipelineDefaults.embeddedStorage])
        return PersistentVolumeClaim(
            metadata: context.metadata(dataClaimName(context), component: .backend),
            spec: .init(accessModes: ["ReadWriteOnce"], resources: resources, storageClassName: embedded.storageClassName))
    }
}
