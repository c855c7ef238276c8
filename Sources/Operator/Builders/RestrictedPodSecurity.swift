import KubernetesCore

/// Security settings that satisfy the `restricted` Pod Security Standard on every Pod the operator creates.
///
/// Pods run as UID/GID 65532 (the distroless `nonroot` user), non-root, with the RuntimeDefault
/// seccomp profile; containers cannot escalate privileges, drop every capability and have a
/// read-only root filesystem, so anything writable is an explicit `emptyDir` or volume.
public enum RestrictedPodSecurity {
    /// The non-root user and group.
    public static let userID: Int64 = 65532

    public static var podSecurityContext: PodSecurityContext {
        var context = PodSecurityContext()
        context.runAsNonRoot = true
        context.runAsUser = userID
        context.runAsGroup = userID
        context.fsGroup = userID
        context.seccompProfile = SeccompProfile(type: "RuntimeDefault")
        return context
    }

    public static var containerSecurityContext: SecurityContext {
        var context = SecurityContext()
        context.runAsNonRoot = true
        context.allowPrivilegeEscalation = false
        context.readOnlyRootFilesystem = true
        context.capabilities = .init(drop: ["ALL"])
        context.seccompProfile = SeccompProfile(type: "RuntimeDefault")
        return context
    }

    /// A writable `emptyDir` volume and its mount (for `/tmp` and caches).
    public static func scratch(_ name: String, at path: String, medium: String? = nil, sizeLimit: String? = nil) -> (Volume, VolumeMount) {
        var volume = Volume(name: name)
        volume.emptyDir = .init(medium: medium, sizeLimit: sizeLimit)
        return (volume, VolumeMount(name: name, mountPath: path))
    }
}
