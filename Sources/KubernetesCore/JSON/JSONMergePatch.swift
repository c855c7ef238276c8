/// JSON Merge Patch (RFC 7386): objects merge member by member, `null` deletes, anything else replaces.
///
/// This is `application/merge-patch+json`, the patch type Kubernetes accepts for every resource.
public enum JSONMergePatch {
    /// Applies `patch` to `target` and returns the result.
    public static func apply(_ patch: JSONValue, to target: JSONValue) -> JSONValue {
        guard case .object(let patchMembers) = patch else { return patch }
        var result = target.objectValue ?? [:]
        for (key, value) in patchMembers {
            if value == .null {
                result.removeValue(forKey: key)
            } else {
                result[key] = apply(value, to: result[key] ?? .null)
            }
        }
        return .object(result)
    }

    /// The merge patch that turns `original` into `modified` (minimal: unchanged members are left out).
    public static func diff(from original: JSONValue, to modified: JSONValue) -> JSONValue? {
        guard case .object(let old) = original, case .object(let new) = modified else {
            return original == modified ? nil : modified
        }
        var patch: [String: JSONValue] = [:]
        for key in old.keys where !new.keys.contains(key) { patch[key] = .null }
        for (key, newValue) in new {
            if let oldValue = old[key] {
                if let child = diff(from: oldValue, to: newValue) { patch[key] = child }
            } else {
                patch[key] = newValue
            }
        }
        return patch.isEmpty ? nil : .object(patch)
    }
}
