import KubernetesClient
import KubernetesCore
import Testing
@testable import KubernetesTesting

/// The life of a CRD: serving its resource, becoming Established, and taking its objects with it.
@Suite struct CustomResourceDefinitionTests {
    let server = FakeAPIServer()

    @Test func aResourceIsNotServedBeforeItsCRDExists() async throws {
        let error = try await #require(throws: KubernetesClientError.self) {
            try await server.client().list(Widget.self, namespace: "default")
        }
        #expect(error.isNotFound)
    }

    @Test func creatingACRDServesItsResource() async throws {
        let client = try await server.clientServingWidgets()
        _ = try await client.create(Widget(name: "first"))
        let fetched = try await client.get(Widget.self, name: "first", namespace: "default")
        #expect(fetched.spec?["size"] == 3)
        #expect(try await client.list(Widget.self, namespace: "default").items.map(\.metadata.name) == ["first"])
    }

    @Test func aNewCRDIsEstablishedWithItsNamesAccepted() async throws {
        let client = try await server.clientServingWidgets()
        let crd = try await client.get(CustomResourceDefinition.self, name: "widgets.example.com")
        let conditions = crd.status?["conditions"]?.arrayValue ?? []
        let established = try #require(conditions.first { $0["type"] == "Established" })
        #expect(established["status"] == "True")
        #expect(conditions.contains { $0["type"] == "NamesAccepted" && $0["status"] == "True" })
        #expect(crd.status?[path: ["acceptedNames", "kind"]] == "Widget")
        #expect(crd.status?["storedVersions"] == ["v1"])
    }

    @Test func aCRDWhoseNameIsNotPluralDotGroupIsRejected() async throws {
        var crd = Widget.definition()
        crd.metadata.name = "widget.example.com"
        let error = try await #require(throws: KubernetesClientError.self) { try await server.client().create(crd) }
        #expect(error.isInvalid)
    }

    @Test func deletingTheCRDStopsServingItsResource() async throws {
        let client = try await server.clientServingWidgets()
        _ = try await client.create(Widget(name: "first"))

        try await client.delete(CustomResourceDefinition.self, name: "widgets.example.com")

        let error = try await #require(throws: KubernetesClientError.self) {
            try await client.get(Widget.self, name: "first", namespace: "default")
        }
        #expect(error.isNotFound)
        #expect(try await server.get("/apis/example.com/v1").code == 404)
    }

    @Test func deletingTheCRDDeletesItsObjectsForGood() async throws {
        let client = try await server.clientServingWidgets()
        _ = try await client.create(Widget(name: "first"))
        let watch = try await client.watch(Widget.self, namespace: "default", options: .init(resourceVersion: await server.currentResourceVersion))

        try await client.delete(CustomResourceDefinition.self, name: "widgets.example.com")
        _ = try await client.create(Widget.definition())

        #expect(try await client.list(Widget.self, namespace: "default").items.isEmpty)
        await server.closeAllWatches()
        #expect(try await watch.summaries() == ["DELETED first"])
    }
}
