import KubernetesCore

/// Keeps a live PersistentVolumeClaim's spec when the desired one differs. Pure.
///
/// A claim's access modes, StorageClass and (except for growing, on some StorageClasses) size cannot
/// change once it exists: applying a different spec is refused with 422 every time, which would stop
/// every later child from being applied. So for a claim that exists, the apply carries the live values
/// of those fields (an apply of unchanged values is accepted and keeps the operator's ownership), and
/// the differences are reported instead (the `CompileCacheReady` condition). The way to new settings
/// is deleting the claim, which the operator then creates from the spec.
enum ClaimSpecRetention {
    /// `desired` with the live claim's access modes, storage request and StorageClass, and the fields
    /// where the spec asks for something else (`accessMode`, `size`, `storageClassName`).
    static func retained(_ desired: JSONValue, live: JSONValue?) -> (body: JSONValue, differences: [String]) {
        guard let live, live["spec"] != nil else { return (desired, []) }
        var body = desired
        var differences: [String] = []
        let fields: [(path: [String], name: String)] = [
            (["spec", "accessModes"], "accessMode"), (["spec", "resources", "requests", "storage"], "size"),
            (["spec", "storageClassName"], "storageClassName"),
        ]
        for field in fields {
            guard let wanted = desired[path: field.path] else { continue }   // not ours to keep
            let current = live[path: field.path]
            guard current != wanted else { continue }
            differences.append("\(field.name) \(describe(wanted)) (the claim has \(current.map(describe) ?? "none"))")
            body.set(current, at: field.path)   // nil: leave the field out, as the claim has it
        }
        return (body, differences)
    }

    private static func describe(_ value: JSONValue) -> String {
        if let text = value.stringValue { return text }
        return value.arrayValue?.compactMap(\.stringValue).joined(separator: ",") ?? value.jsonString
    }
}
