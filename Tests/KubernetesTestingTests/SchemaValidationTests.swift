import KubernetesClient
import KubernetesCore
import Testing
@testable import KubernetesTesting

/// Custom objects are validated against the CRD's `openAPIV3Schema`, defaulted and pruned.
@Suite struct SchemaValidationTests {
    let server = FakeAPIServer()

    /// A spec the schema rejects, and the field the 422's cause must name.
    struct InvalidSpec: Sendable, CustomTestStringConvertible {
        var rule: String
        var spec: JSONValue
        var field: String
        var reason: String
        var testDescription: String { rule }
    }

    static let invalidSpecs: [InvalidSpec] = [
        InvalidSpec(rule: "type mismatch", spec: ["size": "three"], field: "spec.size", reason: "FieldValueTypeInvalid"),
        InvalidSpec(rule: "required", spec: ["color": "red"], field: "spec.size", reason: "FieldValueRequired"),
        InvalidSpec(rule: "enum", spec: ["size": 3, "color": "purple"], field: "spec.color", reason: "FieldValueNotSupported"),
        InvalidSpec(rule: "minimum", spec: ["size": 0], field: "spec.size", reason: "FieldValueInvalid"),
        InvalidSpec(rule: "maximum", spec: ["size": 11], field: "spec.size", reason: "FieldValueInvalid"),
        InvalidSpec(rule: "pattern", spec: ["size": 3, "label": "Shouty"], field: "spec.label", reason: "FieldValueInvalid"),
        InvalidSpec(rule: "maxLength", spec: ["size": 3, "label": "muchtoolong"], field: "spec.label", reason: "FieldValueTooLong"),
        InvalidSpec(rule: "minItems", spec: ["size": 3, "tags": []], field: "spec.tags", reason: "FieldValueInvalid"),
    ]

    @Test(arguments: invalidSpecs)
    func anObjectBreakingASchemaRuleIsRejectedWithACauseNamingTheField(_ invalid: InvalidSpec) async throws {
        let client = try await server.clientServingWidgets()
        let error = try await #require(throws: KubernetesClientError.self) {
            try await client.create(Widget(name: "bad", spec: invalid.spec))
        }
        #expect(error.code == 422)
        #expect(error.status?.reason == "Invalid")
        let causes = error.status?.details?.causes ?? []
        #expect(causes.map(\.field) == [invalid.field])
        #expect(causes.map(\.reason) == [invalid.reason])
        #expect(try await client.getIfPresent(Widget.self, name: "bad", namespace: "default") == nil)
    }

    @Test func everyBrokenRuleIsReportedInOneAnswer() async throws {
        let client = try await server.clientServingWidgets()
        let error = try await #require(throws: KubernetesClientError.self) {
            try await client.create(Widget(name: "bad", spec: ["size": 99, "color": "purple"]))
        }
        #expect(Set(error.status?.details?.causes?.compactMap(\.field) ?? []) == ["spec.size", "spec.color"])
    }

    @Test func anUpdateIsValidatedToo() async throws {
        let client = try await server.clientServingWidgets()
        var widget = try await client.create(Widget(name: "good"))
        widget.spec?["size"] = 42
        let error = try await #require(throws: KubernetesClientError.self) { try await client.replace(widget) }
        #expect(error.isInvalid)
        #expect(try await client.get(Widget.self, name: "good", namespace: "default").spec?["size"] == 3)
    }

    @Test func unknownFieldsArePrunedByDefault() async throws {
        let client = try await server.clientServingWidgets()
        let body: JSONValue = [
            "apiVersion": "example.com/v1", "kind": "Widget", "metadata": ["name": "loose"],
            "spec": ["size": 2, "extra": "dropped"], "topLevelExtra": true,
        ]
        let answer = try await server.answer(.create(Widget.resource, namespace: "default", body: try body.data()))
        #expect(answer.code == 201)
        let stored = try await client.get(Widget.self, name: "loose", namespace: "default")
        #expect(stored.spec == ["size": 2, "color": "red"])
        #expect(try await server.get("/apis/example.com/v1/namespaces/default/widgets/loose").body["topLevelExtra"] == nil)
    }

    @Test func unknownFieldsAreRejectedWithStrictFieldValidation() async throws {
        _ = try await server.clientServingWidgets()
        var request = KubernetesRequest.create(Widget.resource, namespace: "default", body: try JSONValue(encoding: Widget(name: "strict", spec: ["size": 2, "extra": "no"])).data())
        request.query.append("fieldValidation", "Strict")
        let answer = try await server.answer(request)
        #expect(answer.code == 422)
        #expect(answer.causeFields == ["spec.extra"])
    }

    @Test func defaultsFillMissingFieldsButKeepGivenOnes() async throws {
        let client = try await server.clientServingWidgets()
        #expect(try await client.create(Widget(name: "plain", spec: ["size": 1])).spec?["color"] == "red")
        #expect(try await client.create(Widget(name: "green", spec: ["size": 1, "color": "green"])).spec?["color"] == "green")
    }
}
