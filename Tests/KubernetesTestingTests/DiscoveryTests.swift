import KubernetesCore
import Testing
@testable import KubernetesTesting

/// Discovery documents: what `kubectl` and client-go read before anything else.
@Suite struct DiscoveryTests {
    let server = FakeAPIServer()

    /// The entry named `name` in an `APIResourceList`.
    func resource(_ name: String, in list: Answer) throws -> JSONValue {
        try #require(list.body["resources"]?.arrayValue?.first { $0["name"]?.stringValue == name }, "\(name) is not listed")
    }

    @Test func theLegacyRootListsVersionV1() async throws {
        let answer = try await server.get("/api")
        #expect(answer.code == 200)
        #expect(answer.body["kind"] == "APIVersions")
        #expect(answer.body["versions"] == ["v1"])
    }

    @Test func theGroupListNamesEachGroupWithItsPreferredVersion() async throws {
        let answer = try await server.get("/apis")
        #expect(answer.body["kind"] == "APIGroupList")
        let apps = try #require(answer.body["groups"]?.arrayValue?.first { $0["name"] == "apps" })
        #expect(apps["preferredVersion"] == ["groupVersion": "apps/v1", "version": "v1"])
        #expect(apps["versions"] == [["groupVersion": "apps/v1", "version": "v1"]])
    }

    @Test func theCoreResourceListHasVerbsShortNamesCategoriesAndStatusSubresources() async throws {
        let list = try await server.get("/api/v1")
        #expect(list.body["groupVersion"] == "v1")
        let configMaps = try resource("configmaps", in: list)
        #expect(configMaps["namespaced"] == true)
        #expect(configMaps["kind"] == "ConfigMap")
        #expect(configMaps["shortNames"] == ["cm"])
        #expect(configMaps["verbs"] == ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"])
        #expect(try resource("pods", in: list)["categories"] == ["all"])
        #expect(try resource("namespaces", in: list)["namespaced"] == false)
        #expect(try resource("namespaces/status", in: list)["verbs"] == ["get", "patch", "update"])
    }

    @Test func theAppsResourceListHasDeploymentsAndTheirStatus() async throws {
        let list = try await server.get("/apis/apps/v1")
        #expect(list.body["groupVersion"] == "apps/v1")
        let deployments = try resource("deployments", in: list)
        #expect(deployments["shortNames"] == ["deploy"])
        #expect(deployments["categories"] == ["all"])
        #expect(try resource("deployments/status", in: list)["kind"] == "Deployment")
    }

    @Test func aCustomResourceGroupIsDiscoverableOnlyAfterItsCRDIsCreated() async throws {
        #expect(try await server.get("/apis/example.com/v1").code == 404)
        #expect(try await server.get("/apis").body["groups"]?.arrayValue?.contains { $0["name"] == "example.com" } == false)

        _ = try await server.clientServingWidgets()

        #expect(try await server.get("/apis").body["groups"]?.arrayValue?.contains { $0["name"] == "example.com" } == true)
        let group = try await server.get("/apis/example.com")
        #expect(group.body["preferredVersion"]?["groupVersion"] == "example.com/v1")
        let list = try await server.get("/apis/example.com/v1")
        let widgets = try resource("widgets", in: list)
        #expect(widgets["kind"] == "Widget")
        #expect(widgets["singularName"] == "widget")
        #expect(widgets["shortNames"] == ["wd"])
        #expect(widgets["categories"] == ["all", "gadgets"])
        #expect(try resource("widgets/status", in: list)["verbs"] == ["get", "patch", "update"])
    }

    @Test func aCustomResourceWithoutTheStatusSubresourceListsNoStatusEntry() async throws {
        _ = try await server.clientServingWidgets(statusSubresource: false)
        let names = try await server.get("/apis/example.com/v1").body["resources"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(names == ["widgets"])
    }

    @Test func theOpenAPIIndexListsTheCRDGroupVersionWithItsSchema() async throws {
        #expect(try await server.get("/openapi/v3").body[path: ["paths", "apis/example.com/v1"]] == nil)
        _ = try await server.clientServingWidgets()

        let index = try await server.get("/openapi/v3")
        #expect(index.body[path: ["paths", "api/v1"]] != nil)
        let url = try #require(index.body[path: ["paths", "apis/example.com/v1", "serverRelativeURL"]]?.stringValue)
        #expect(url.hasPrefix("/openapi/v3/apis/example.com/v1?hash="))

        let document = try await server.get("/openapi/v3/apis/example.com/v1")
        let schema = try #require(document.body[path: ["components", "schemas", "com.example.v1.Widget"]])
        #expect(schema["x-kubernetes-group-version-kind"] == [["group": "example.com", "version": "v1", "kind": "Widget"]])
        #expect(schema[path: ["properties", "spec", "required"]] == ["size"])
    }
}
