import CRDs
import KubernetesCore

/// The web UI: `rag-runtime ui --backend-url http://<pipeline>-backend:80` and its Service on port 80.
public enum UIBuilder {
    public static let servicePort = 80

    public static func deployment(_ context: BuildContext) throws -> Deployment {
        let ui = context.spec.ui
        let args = ["ui", "--backend-url", BackendBuilder.serviceURL(context)]
        let container = DeploymentAssembler.runtimeContainer(
            context, args: args, env: RuntimeEnvironment.env(context, for: .ui), resources: ui?.resources, internalPort: RuntimeEnvironment.internalPort)
        let workload = DeploymentAssembler.Workload(
            component: .ui, replicas: context.appliedReplicas(.ui), container: container, overrides: ui?.podTemplate)
        return try DeploymentAssembler.deployment(context, workload)
    }

    /// `<pipeline>-ui`, port 80.
    public static func service(_ context: BuildContext) -> Service {
        ServiceBuilder.service(context, for: .ui, port: servicePort)
    }
}
