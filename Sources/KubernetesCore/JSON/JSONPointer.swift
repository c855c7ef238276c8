/// JSON Pointer (RFC 6901) navigation used by ``JSONPatch``.
enum JSONPointer {
    typealias Failure = JSONPatch.Failure

    static func tokens(_ pointer: String) throws(Failure) -> [String] {
        if pointer.isEmpty { return [] }
        guard pointer.hasPrefix("/") else { throw Failure(description: "invalid JSON pointer '\(pointer)'", isTestFailure: false) }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    static func value(at tokens: [String], in document: JSONValue) throws(Failure) -> JSONValue {
        var current = document
        for token in tokens {
            switch current {
            case .object(let members):
                guard let next = members[token] else { throw missing(tokens) }
                current = next
            case .array(let items):
                guard let index = Int(token), items.indices.contains(index) else { throw missing(tokens) }
                current = items[index]
            default:
                throw missing(tokens)
            }
        }
        return current
    }

    static func insert(_ value: JSONValue, at tokens: [String], in document: JSONValue, replacing: Bool) throws(Failure) -> JSONValue {
        guard let token = tokens.first else { return value }
        let rest = Array(tokens.dropFirst())
        switch document {
        case .object(var members):
            if rest.isEmpty {
                members[token] = value
            } else {
                guard let child = members[token] else { throw missing(tokens) }
                members[token] = try insert(value, at: rest, in: child, replacing: replacing)
            }
            return .object(members)
        case .array(var items):
            if rest.isEmpty {
                if token == "-" && !replacing { items.append(value); return .array(items) }
                guard let index = Int(token), index >= 0, index <= items.count - (replacing ? 1 : 0) else { throw missing(tokens) }
                if replacing { items[index] = value } else { items.insert(value, at: index) }
                return .array(items)
            }
            guard let index = Int(token), items.indices.contains(index) else { throw missing(tokens) }
            items[index] = try insert(value, at: rest, in: items[index], replacing: replacing)
            return .array(items)
        default:
            throw missing(tokens)
        }
    }

    static func remove(at tokens: [String], in document: JSONValue) throws(Failure) -> JSONValue {
        guard let token = tokens.first else { throw Failure(description: "cannot remove the whole document", isTestFailure: false) }
        let rest = Array(tokens.dropFirst())
        switch document {
        case .object(var members):
            guard let child = members[token] else { throw missing(tokens) }
            members[token] = rest.isEmpty ? nil : try remove(at: rest, in: child)
            return .object(members)
        case .array(var items):
            guard let index = Int(token), items.indices.contains(index) else { throw missing(tokens) }
            if rest.isEmpty { items.remove(at: index) } else { items[index] = try remove(at: rest, in: items[index]) }
            return .array(items)
        default:
            throw missing(tokens)
        }
    }

    private static func missing(_ tokens: [String]) -> Failure {
        Failure(description: "path /\(tokens.joined(separator: "/")) does not exist", isTestFailure: false)
    }
}
