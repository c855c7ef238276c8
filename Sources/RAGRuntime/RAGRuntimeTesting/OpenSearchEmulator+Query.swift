import AWS
import Foundation
import TelemetryModel

extension OpenSearchEmulator {
    /// `_search` with `query.knn.embedding`: filter, score by inner product, best `k`.
    package static func knn(_ body: AWSJSONValue, _ documents: [String: AWSJSONValue]) -> AWSJSONValue {
        guard let clause = body["query"]?["knn"]?["embedding"],
              let query = clause["vector"]?.arrayValue?.compactMap(\.doubleValue) else {
            return ["error": "only knn queries are emulated"]
        }
        let k = clause["k"]?.intValue ?? 10
        let size = body["size"]?.intValue ?? k
        let filter = clause["filter"]
        let scored = documents.compactMap { id, source -> (id: String, score: Double, source: AWSJSONValue)? in
            guard filter.map({ matches(source, $0) }) ?? true,
                  let vector = source["embedding"]?.arrayValue?.compactMap(\.doubleValue) else { return nil }
            let ip = zip(query, vector).reduce(0) { $0 + $1.0 * $1.1 }
            return (id, ip >= 0 ? 1 + ip : 1 / (1 - ip), source)
        }
        let best = scored.sorted { ($0.score, $1.id) > ($1.score, $0.id) }.prefix(min(k, size))
        let hits: [AWSJSONValue] = best.map { hit in
            guard case .object(var members) = hit.source else { return .null }
            members["embedding"] = nil
            return ["_id": .string(hit.id), "_score": .double(hit.score), "_source": .object(members)]
        }
        return ["hits": ["total": ["value": .integer(Int64(scored.count))], "hits": .array(hits)]]
    }

    /// `_search` with a plain `query` (term, terms, range, match, bool): the matching documents, up
    /// to `size`, best first by a stand-in relevance (a `bool`'s matching `should` clauses, each
    /// `match` counting its matching words), ties by id. The vector field stays in `_source` unless
    /// `_source.excludes` names it.
    package static func filtered(_ body: AWSJSONValue, _ documents: [String: AWSJSONValue]) -> AWSJSONValue {
        let query = body["query"] ?? ["match_all": [:]]
        let size = body["size"]?.intValue ?? 10
        let excluded = Set(body["_source"]?["excludes"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        let matching = documents.filter { matches($0.value, query) }
            .map { (id: $0.key, source: $0.value, score: relevance($0.value, query)) }
            .sorted { ($0.score, $1.id) > ($1.score, $0.id) }
        let hits: [AWSJSONValue] = matching.prefix(size).map { id, source, score in
            guard case .object(var members) = source else { return .null }
            for field in excluded { members[field] = nil }
            return ["_id": .string(id), "_score": .double(score), "_source": .object(members)]
        }
        return ["hits": ["total": ["value": .integer(Int64(matching.count))], "hits": .array(hits)]]
    }

    /// `_search` with `size: 0` and a `terms` aggregation named `stored`: one bucket per value.
    package static func termBuckets(_ body: AWSJSONValue, field: String, _ documents: [String: AWSJSONValue]) -> AWSJSONValue {
        let query = body["query"] ?? ["match_all": [:]]
        var counts: [String: Int] = [:]
        for source in documents.values where matches(source, query) {
            if let value = source[field]?.stringValue { counts[value, default: 0] += 1 }
        }
        let buckets: [AWSJSONValue] = counts.sorted { $0.key < $1.key }.map { ["key": .string($0.key), "doc_count": .integer(Int64($0.value))] }
        return ["hits": ["total": ["value": .integer(Int64(counts.values.reduce(0, +)))], "hits": []], "aggregations": ["stored": ["buckets": .array(buckets)]]]
    }

    /// `_search` with `size: 0`, a query, `terms` aggregations (`vehicles`, `codes`, `levels`: buckets by
    /// `doc_count` descending then key, as OpenSearch orders them, cut at `size`), a `cardinality`
    /// (`vehicle_count`) and `min`/`max` (`oldest`, `newest`) on `timestamp`, over the matching documents.
    package static func summary(_ body: AWSJSONValue, _ documents: [String: AWSJSONValue]) -> AWSJSONValue {
        let query = body["query"] ?? ["match_all": [:]]
        let matching = documents.values.filter { matches($0, query) }
        var aggregations: [String: AWSJSONValue] = [:]
        guard case .object(let requested)? = body["aggs"] else { return ["error": "aggs must be an object"] }
        for (name, spec) in requested {
            if let field = spec["terms"]?["field"]?.stringValue {
                var counts: [String: Int] = [:]
                for source in matching { if let value = source[field]?.stringValue { counts[value, default: 0] += 1 } }
                let size = spec["terms"]?["size"]?.intValue ?? 10
                let buckets: [AWSJSONValue] = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(size)
                    .map { ["key": .string($0.key), "doc_count": .integer(Int64($0.value))] }
                aggregations[name] = ["buckets": .array(buckets)]
            } else if let field = spec["cardinality"]?["field"]?.stringValue {
                aggregations[name] = ["value": .integer(Int64(Set(matching.compactMap { $0[field]?.stringValue }).count))]
            } else if let kind = spec["min"] != nil ? "min" : spec["max"] != nil ? "max" : nil {
                let dates = matching.compactMap { $0["timestamp"]?.stringValue.flatMap(FastTimestamp.date(from:)) }
                let date = kind == "min" ? dates.min() : dates.max()
                aggregations[name] = date.map { ["value": .double($0.timeIntervalSince1970 * 1000), "value_as_string": .string(FastTimestamp.string(from: $0))] } ?? ["value": nil]
            }
        }
        return ["hits": ["total": ["value": .integer(Int64(matching.count)), "relation": "eq"], "hits": []], "aggregations": .object(aggregations)]
    }

    /// `_search` with `size: 0` and `min`/`max` aggregations on `timestamp`.
    package static func aggregate(_ documents: [String: AWSJSONValue]) -> AWSJSONValue {
        let dates = documents.values.compactMap { $0["timestamp"]?.stringValue.flatMap(FastTimestamp.date(from:)) }
        func aggregation(_ date: Date?) -> AWSJSONValue {
            guard let date else { return ["value": nil] }
            return ["value": .double(date.timeIntervalSince1970 * 1000), "value_as_string": .string(FastTimestamp.string(from: date))]
        }
        return [
            "hits": ["total": ["value": .integer(Int64(documents.count)), "relation": "eq"], "hits": []],
            "aggregations": ["oldest": aggregation(dates.min()), "newest": aggregation(dates.max())],
        ]
    }

    /// Whether a source matches a query: `bool` (`filter`, `must`, `must_not`), `match_all`,
    /// `term`, `terms` and `range` on dotted paths; arrays match when any element does.
    package static func matches(_ source: AWSJSONValue, _ query: AWSJSONValue) -> Bool {
        guard case .object(let members) = query, let (kind, spec) = members.first else { return false }
        switch kind {
        case "match_all":
            return true
        case "bool":
            let all = (spec["filter"]?.arrayValue ?? []) + (spec["must"]?.arrayValue ?? [])
            let none = spec["must_not"]?.arrayValue ?? []
            let should = spec["should"]?.arrayValue ?? []
            let minimum = spec["minimum_should_match"]?.intValue ?? (all.isEmpty && !should.isEmpty ? 1 : 0)
            return all.allSatisfy { matches(source, $0) } && !none.contains { matches(source, $0) }
                && should.filter { matches(source, $0) }.count >= minimum
        case "match":
            return relevance(source, query) > 0
        case "term", "terms", "range":
            guard case .object(let fields) = spec, let (field, condition) = fields.first else { return false }
            return values(at: field, in: source).contains { value in
                switch kind {
                case "term": compare(value, condition) == 0
                case "terms": condition.arrayValue?.contains { compare(value, $0) == 0 } ?? false
                default: inRange(value, condition)
                }
            }
        default:
            return false
        }
    }

    /// The stand-in relevance: for `match`, the query's words found in the field's words; for a
    /// `bool`, the sum over its matching `should` clauses (a `term`/`terms` counts 1); else 1.
    package static func relevance(_ source: AWSJSONValue, _ query: AWSJSONValue) -> Double {
        guard case .object(let members) = query, let (kind, spec) = members.first else { return 0 }
        switch kind {
        case "match":
            guard case .object(let fields) = spec, let (field, wanted) = fields.first, let text = wanted.stringValue else { return 0 }
            func words(_ text: String) -> Set<String> { Set(text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)) }
            let stored = values(at: field, in: source).compactMap(\.stringValue).map(words).reduce(into: Set<String>()) { $0.formUnion($1) }
            return Double(words(text).intersection(stored).count)
        case "bool":
            let should = spec["should"]?.arrayValue ?? []
            guard !should.isEmpty else { return 1 }
            return should.filter { matches(source, $0) }.map { relevance(source, $0) }.reduce(0, +)
        default:
            return matches(source, query) ? 1 : 0
        }
    }

    package static func inRange(_ value: AWSJSONValue, _ bounds: AWSJSONValue) -> Bool {
        let checks: [(String, (Int) -> Bool)] = [("gt", { $0 > 0 }), ("gte", { $0 >= 0 }), ("lt", { $0 < 0 }), ("lte", { $0 <= 0 })]
        return checks.allSatisfy { key, test in
            guard let bound = bounds[key] else { return true }
            guard let order = compare(value, bound) else { return false }
            return test(order)
        }
    }

    /// -1, 0 or 1 comparing a stored value with a query value; `nil` when they do not compare.
    package static func compare(_ lhs: AWSJSONValue, _ rhs: AWSJSONValue) -> Int? {
        if let left = lhs.doubleValue, let right = rhs.doubleValue { return left < right ? -1 : left > right ? 1 : 0 }
        guard let left = lhs.stringValue, let right = rhs.stringValue else { return nil }
        if let leftDate = FastTimestamp.date(from: left), let rightDate = FastTimestamp.date(from: right) {
            return leftDate < rightDate ? -1 : leftDate > rightDate ? 1 : 0
        }
        return left < right ? -1 : left > right ? 1 : 0
    }

    package static func values(at path: String, in source: AWSJSONValue) -> [AWSJSONValue] {
        var current = [source]
        for key in path.split(separator: ".") {
            current = current.compactMap { $0[String(key)] }.flatMap { $0.arrayValue ?? [$0] }
        }
        return current.filter { $0 != .null }
    }
}
