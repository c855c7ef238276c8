import Foundation
import Testing
@testable import KubernetesCore

/// ``JSONParser`` and ``JSONValueDecoder`` against the `Codable` path they replace: `JSONDecoder`
/// decoding a ``JSONValue`` by trial and error is the reference, on valid and invalid input alike.
struct JSONParserTests {
    static func reference(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    static let valid = [
        "null", "true", "false", "0", "-0", "1", "-1", "42", "9223372036854775807", "-9223372036854775808",
        "9223372036854775808", "1.5", "-2.25e-3", "1e3", "1E+2", "0.1", "3.0", "123456789012345678901234567890",
        "\"\"", "\"plain\"", "\"tab\\tquote\\\"slash\\/back\\\\\"", "\"\\u00e9t\\u00E9\"", "\"\\ud83d\\ude00 grin\"", "\"caf\u{e9} \u{1F600}\"",
        "\"\\b\\f\\n\\r\"", "[]", "{}", " [ 1 , \"a\" , null , [ ] , { } ] ", "{\"a\":{\"b\":[1,2,{\"c\":false}]},\"d\":\"e\"}",
"{\"f:metadata\":{\"f:labels\":{\".\":{},\"f:app\":{}}}}", "\n\t{\"k\" :\r\n 1}\n",
    ]

    static let invalid = [
        "", " ", "nul", "tru", "{\"a\" 1}", "{a:1}", "[1 2]", "01", "-", "1.", ".5", "1e", "+1",
        "\"unterminated", "\"bad \\x escape\"", "\"\\ud83d alone\"", "\"\\ude00 low\"", "\"\\u12\"", "\"line\nbreak\"",
        "[1]]", "{} {}", "NaN", "Infinity", "1e999",
    ]

    @Test(arguments: valid) func parsesAsJSONDecoderDoes(_ text: String) throws {
        #expect(try JSONValue(data: Data(text.utf8)) == Self.reference(text))
    }

    @Test(arguments: invalid) func refusesWhatJSONDecoderRefuses(_ text: String) throws {
        #expect(throws: (any Error).self) { try Self.reference(text) }
        #expect(throws: (any Error).self) { try JSONValue(data: Data(text.utf8)) }
    }

    /// RFC 8259 has no trailing commas; `JSONDecoder` lets them pass, the API server does not.
    @Test(arguments: ["[1,]", "{\"a\":1,}"]) func refusesTrailingCommas(_ text: String) throws {
        #expect(throws: JSONParser.Failure.self) { try JSONValue(data: Data(text.utf8)) }
    }

    /// As Go's encoding/json, which the API server uses: the last of duplicate members wins.
    @Test func theLastOfDuplicateMembersWins() throws {
        #expect(try JSONValue(data: Data(#"{"dup":1,"dup":2}"#.utf8)) == ["dup": 2])
    }

    @Test func refusesNestingBeyondTheLimit() throws {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: JSONParser.Failure.self) { try JSONValue(data: Data(deep.utf8)) }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(try JSONValue(data: Data(fine.utf8)) == Self.reference(fine))
    }

    @Test func aFullObjectWithManagedFieldsDecodesAsJSONDecoderDecodesIt() throws {
        var deployment = Deployment(metadata: ObjectMeta(name: "web", namespace: "rag", labels: ["app": "web"]))
        deployment.metadata.managedFields = [[
            "manager": "rag-operator", "operation": "Apply", "apiVersion": "apps/v1", "fieldsType": "FieldsV1", "time": "2026-12-02T08:00:00Z",
            "fieldsV1": ["f:metadata": ["f:labels": ["f:app": [:]]], "f:spec": ["f:replicas": [:]]],
        ]]
        var container = Container(name: "web")
        container.image = "nginx:1.27"
        deployment.spec = DeploymentSpec(replicas: 3, selector: LabelSelector(matchLabels: ["app": "web"]), template: PodTemplateSpec(
            metadata: ObjectMeta(labels: ["app": "web"]), spec: PodSpec(containers: [container])))
        let data = try JSONEncoder().encode(deployment)
        #expect(try JSONValue.decode(Deployment.self, from: data) == JSONDecoder().decode(Deployment.self, from: data))
        #expect(try JSONValue(data: data).decode(DynamicObject.self) == JSONDecoder().decode(DynamicObject.self, from: data))
    }

    @Test func typeErrorsNameThePathAsJSONDecoderDoes() throws {
        let data = Data(#"{"metadata":{"name":"web","generation":"two"}}"#.utf8)
        do {
            _ = try JSONValue.decode(Deployment.self, from: data)
            Issue.record("a string generation decoded")
        } catch let DecodingError.typeMismatch(_, context) {
            #expect(context.codingPath.map(\.stringValue) == ["metadata", "generation"])
        }
        let fractional = Data(#"{"metadata":{"generation":1.5}}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONValue.decode(Deployment.self, from: fractional) }
        #expect(throws: (any Error).self) { try JSONDecoder().decode(Deployment.self, from: fractional) }
    }

    @Test func optionalsAcceptNullAndMissingKeys() throws {
        let data = Data(#"{"metadata":{"name":null}}"#.utf8)
        #expect(try JSONValue.decode(Deployment.self, from: data).metadata.name == nil)
        #expect(try JSONValue.decode(Deployment.self, from: Data(#"{"metadata":{}}"#.utf8)).spec == nil)
        #expect(throws: DecodingError.self) { try JSONValue.decode(Deployment.self, from: Data("{}".utf8)) }
    }
}

/// ``JSONWriter`` writes what `JSONEncoder` (sorted keys, unescaped slashes) writes, byte for byte:
/// the operator's applied-hash digests are taken over these bytes.
struct JSONWriterTests {
    static func encoded(_ value: JSONValue) throws -> [UInt8] {
        Array(try JSONValue.encoder.encode(value))
    }

    static let values: [JSONValue] = [
        .null, true, false, 0, -1, .integer(Int64.max), .integer(Int64.min), 1.5, -0.25, 1e-7, 6.02e23, 0.1, 123456.789, 1e21, 2.5e-324,
        "", "plain", "quote \" back \\ slash / tab \t nl \n cr \r bs \u{08} ff \u{0C} nul \u{00} us \u{1F} del \u{7F}", "caf\u{e9} \u{1F600} \u{2028}",
        [], [:], [1, "a", .null, [], [:]],
        ["b": 1, "a": 2, "B": 3, "_": 4, "a10": 5, "a2": 6, "f:spec": 7, "k:{\"name\":\"x\"}": 8, "é": 9, "Z": 10, "~": 11, "": 12, ".": 13],
        ["metadata": ["name": "web", "labels": ["app.kubernetes.io/name": "web", "app": "x"]], "spec": ["replicas": 3, "template": ["spec": ["containers": [["name": "c", "args": ["--a=1", "b c"]]]]]]],
    ]

    @Test(arguments: values) func writesWhatJSONEncoderWrites(_ value: JSONValue) throws {
        let expected = try Self.encoded(value)
        #expect(JSONWriter.bytes(value) == expected, "\(String(decoding: JSONWriter.bytes(value), as: UTF8.self)) vs \(String(decoding: expected, as: UTF8.self))")
    }

    @Test func roundTripsThroughTheParser() throws {
        for value in Self.values {
            #expect(try JSONValue(bytes: JSONWriter.bytes(value)) == value)
        }
    }
}

/// ``JSONValueEncoder`` gives the tree that `JSONEncoder` then ``JSONParser`` gave, on the kinds the
/// operator builds (typed Kubernetes models with optionals, nested lists, maps and JSON fields).
struct JSONValueEncoderTests {
    static func viaBytes(_ value: some Encodable) throws -> JSONValue {
        try JSONParser.parse(try JSONValue.encoder.encode(value))
    }

    struct Odd: Codable {
        var date = Date(timeIntervalSinceReferenceDate: 12.5)
        var data = Data([0, 1, 2, 250])
        var url = URL(string: "https://example.com/a?b=c")!
        var whole = 3.0
        var fraction = 0.25
        var big: UInt64 = .max
        var missing: String? = nil
        var explicitNull: String? = nil
        var nested: [[Int]] = [[1], [], [2, 3]]
        var map: [String: [String: Bool]] = ["a": ["x": true], "b": [:]]
        var json: JSONValue = ["k": [1, "two", .null]]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(date, forKey: .date)
            try container.encode(data, forKey: .data)
            try container.encode(url, forKey: .url)
            try container.encode(whole, forKey: .whole)
            try container.encode(fraction, forKey: .fraction)
            try container.encode(big, forKey: .big)
            try container.encodeIfPresent(missing, forKey: .missing)
            try container.encodeNil(forKey: .explicitNull)
            try container.encode(nested, forKey: .nested)
            try container.encode(map, forKey: .map)
            try container.encode(json, forKey: .json)
        }
    }

    @Test func buildsTheTreeJSONEncoderWrites() throws {
        var deployment = Deployment(metadata: ObjectMeta(name: "web", namespace: "rag", labels: ["app": "web"], annotations: ["a": "b"]))
        var container = Container(name: "web")
        container.image = "nginx:1.27"
        container.args = ["--x", "y"]
        deployment.spec = DeploymentSpec(replicas: 2, selector: LabelSelector(matchLabels: ["app": "web"]), template: PodTemplateSpec(
            metadata: ObjectMeta(labels: ["app": "web"]), spec: PodSpec(containers: [container])))
        #expect(try JSONValue(encoding: deployment) == Self.viaBytes(deployment))
        #expect(try JSONValue(encoding: Odd()) == Self.viaBytes(Odd()))
        #expect(try JSONValue(encoding: [1, 2]) == [1, 2])
        #expect(try JSONValue(encoding: "text") == "text")
        #expect(try JSONValue(encoding: ["k": Optional<Int>.none]) == Self.viaBytes(["k": Optional<Int>.none]))
    }

    @Test func requestBodiesAreTheBytesJSONEncoderWrites() throws {
        var deployment = Deployment(metadata: ObjectMeta(name: "web", namespace: "rag", labels: ["app": "web", "a/b": "c"]))
        var container = Container(name: "web")
        container.args = ["--url=http://x/y", "quote \" tab \t"]
        deployment.spec = DeploymentSpec(replicas: 2, selector: LabelSelector(matchLabels: ["app": "web"]), template: PodTemplateSpec(
            metadata: ObjectMeta(labels: ["app": "web"]), spec: PodSpec(containers: [container])))
        #expect(try JSONValue.encodedBytes(deployment) == JSONValue.encoder.encode(deployment))
        let nested: JSONValue = ["spec": ["a": [["b": [1, 2.5, .null, ["c": "d/e"]]], []], "z": [:]]]
        #expect(try JSONValue.encodedBytes(nested) == JSONValue.encoder.encode(nested))
        #expect(try JSONValue.encodedBytes(["k": nested]) == JSONValue.encoder.encode(["k": nested]))
        #expect(throws: EncodingError.self) { try JSONValue.encodedBytes(["x": Double.nan]) }
    }

    @Test func refusesNonFiniteNumbersAsJSONEncoderDoes() {
        #expect(throws: EncodingError.self) { try JSONValue(encoding: ["x": Double.nan]) }
        #expect(throws: EncodingError.self) { try JSONValue.encoder.encode(["x": Double.nan]) }
    }
}
