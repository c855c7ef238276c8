import KubernetesCore

/// Whether a live object already holds every field of a desired apply configuration, so that
/// applying it would change nothing. Extra live fields (defaults, status, other managers) are fine.
///
/// Lists compare as server-side apply merges them: a keyed list (containers, env, ports) matches
/// item by key, so an item another manager added does not count as a difference; a set needs each
/// desired element; an atomic list needs the same items in order. An atomic object (a label
/// selector) must hold exactly the desired members.
enum ObjectContainment {
    static func contains(_ live: JSONValue, _ desired: JSONValue, path: [String] = [], lists: ListKinds = .builtIn) -> Bool {
        switch (live, desired) {
        case (.object(let liveMembers), .object(let desiredMembers)):
            if lists.isAtomicObject(path) && Set(liveMembers.keys) != Set(desiredMembers.keys) { return false }
            return desiredMembers.allSatisfy { key, value in
                liveMembers[key].map { contains($0, value, path: path + [key], lists: lists) } ?? false
            }
        case (.array(let liveItems), .array(let desiredItems)):
            switch lists(path) {
            case .map(let keys):
                return desiredItems.allSatisfy { item in
                    let key = FieldSet.keyElement(item, keys: keys)
                    guard let match = liveItems.first(where: { FieldSet.keyElement($0, keys: keys) == key }) else { return false }
                    // Items' members keep the list's path (list items collapsed, as ListKinds expects).
                    let atomicItem = lists.isAtomicObject(path + ["*"])
                    return contains(match, item, path: path, lists: lists)
                        && (!atomicItem || Set((match.objectValue ?? [:]).keys) == Set((item.objectValue ?? [:]).keys))
                }
            case .set:
                return desiredItems.allSatisfy(liveItems.contains)
            case .atomic:
                return liveItems.count == desiredItems.count && zip(liveItems, desiredItems).allSatisfy { contains($0, $1, path: path, lists: lists) }
            }
        case (.integer(let a), .double(let b)), (.double(let b), .integer(let a)):
            return Double(a) == b
        default:
            return live == desired
        }
    }
}
