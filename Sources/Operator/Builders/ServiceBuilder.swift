import CRDs
import KubernetesCore

/// ClusterIP Services in front of the backend, the UI and vLLM.
public enum ServiceBuilder {
    /// `<pipeline>-<component>` on `port`, forwarding to the container port named `http`, and on
    /// `internalPort` (when given) to the one named `internal`.
    public static func service(_ context: BuildContext, for component: PipelineComponent, port: Int, internalPort: Int? = nil) -> Service {
        var ports = [ServicePort(name: "http", port: port, targetPort: "http", protocol: "TCP")]
        if let internalPort { ports.append(ServicePort(name: "internal", port: internalPort, targetPort: "internal", protocol: "TCP")) }
        return Service(
            metadata: context.metadata(context.childName(component), component: component),
            spec: ServiceSpec(type: "ClusterIP", selector: context.selectorLabels(component), ports: ports))
    }

    /// `http://<pipeline>-<component>:<port>`: the in-namespace URL of a component's Service.
    public static func url(_ context: BuildContext, for component: PipelineComponent, port: Int) -> String {
        "http://\(context.childName(component)):\(port)"
    }
}
