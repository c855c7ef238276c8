import KubernetesCore

/// Whether a live object already holds every field of a desired apply configuration, so that
/// applying it would change nothing. Extra live fields (defaults, status, other managers) are fine.
enum ObjectContainment {
    static func contains(_ live: JSONValue, _ desired: JSONValue) -> Bool {
        switch (live, desired) {
        case (.object(let liveMembers), .object(let desiredMembers)):
            return desiredMembers.allSatisfy { key, value in liveMembers[key].map { contains($0, value) } ?? false }
        case (.array(let liveItems), .array(let desiredItems)):
            return liveItems.count == desiredItems.count && zip(liveItems, desiredItems).allSatisfy { contains($0, $1) }
        case (.integer(let a), .double(let b)), (.double(let b), .integer(let a)):
            return Double(a) == b
        default:
            return live == desired
        }
    }
}
