import CRDs
import KubernetesCore

/// The pipeline's ingest token: a Secret the operator owns, `<pipeline>-ingest-token`, mounted into
/// the backend (which accepts it on its internal listener) and into a consumer that indexes through
/// the backend (which sends it). Nothing else gets it.
///
/// The builder gives the Secret's identity only; the reconciler fills in the random token
/// (``IngestTokenPlan``) and keeps it, so a render shows the Secret without its value.
public enum IngestTokenBuilder {
    /// Where the Secret is mounted (`INGEST_TOKEN_DIR`): files `token` and, during a rotation, `previous`.
    public static let mountPath = "/var/run/rag/ingest-token"
    /// The pipeline annotation whose new value rotates the token: `kubectl annotate ragp NAME rag.dev/rotate-ingest-token=$(date +%s) --overwrite`.
    public static let rotateAnnotation = "rag.dev/rotate-ingest-token"

    /// `<pipeline>-ingest-token`.
    public static func secretName(_ context: BuildContext) -> String { context.childName("ingest-token") }

    /// The Secret, without data.
    public static func secret(_ context: BuildContext) -> Secret {
        var secret = Secret(metadata: context.metadata(secretName(context), component: nil))
        secret.type = "Opaque"
        return secret
    }

    /// Whether `component` holds the token: the backend always, the consumer when it indexes through the backend.
    public static func isMounted(in component: PipelineComponent, _ context: BuildContext) -> Bool {
        switch component {
        case .backend: true
        case .consumer: context.spec.vectorStore.embedded != nil
        case .ui, .producer, .vllm: false
        }
    }

    /// The Secret's read-only volume and mount, for ``DeploymentAssembler/Workload/volumes``.
    public static func volume(_ context: BuildContext) -> (Volume, VolumeMount) {
        var volume = Volume(name: "ingest-token")
        volume.secret = Volume.SecretVolumeSource(secretName: secretName(context))
        return (volume, VolumeMount(name: "ingest-token", mountPath: mountPath, readOnly: true))
    }
}
