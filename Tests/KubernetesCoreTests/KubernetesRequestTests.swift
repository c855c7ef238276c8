import Foundation
import KubernetesCore
import Testing

@Suite struct KubernetesRequestTests {
    @Test func listingDeploymentsInANamespaceBuildsTheAppsGroupPathAndSelectorQuery() {
        let request = KubernetesRequest.list(Deployment.self, namespace: "rag", options: .init(labelSelector: "app=query", limit: 50))
        #expect(request.method == .GET)
        #expect(request.path == "/apis/apps/v1/namespaces/rag/deployments")
        #expect(request.query["labelSelector"] == "app=query")
        #expect(request.query["limit"] == "50")
        #expect(request.pathAndQuery == "/apis/apps/v1/namespaces/rag/deployments?labelSelector=app%3Dquery&limit=50")
    }

    @Test func coreGroupResourcesLiveUnderApiV1() {
        #expect(KubernetesRequest.get(Service.self, name: "ui", namespace: "rag").path == "/api/v1/namespaces/rag/services/ui")
        #expect(KubernetesRequest.list(ConfigMap.self).path == "/api/v1/configmaps")
    }

    @Test func clusterScopedResourcesIgnoreTheNamespace() {
        let request = KubernetesRequest.get(CustomResourceDefinition.self, name: "ragpipelines.rag.dev", namespace: "ignored")
        #expect(request.path == "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/ragpipelines.rag.dev")
        #expect(KubernetesRequest.get(Namespace.self, name: "rag").path == "/api/v1/namespaces/rag")
    }

    @Test func watchesCarryWatchTrueAndTheResumeVersion() {
        let request = KubernetesRequest.watch(Lease.self, namespace: "kube-system", options: .init(resourceVersion: "42", allowWatchBookmarks: true, timeoutSeconds: 290))
        #expect(request.isWatch)
        #expect(request.path == "/apis/coordination.k8s.io/v1/namespaces/kube-system/leases")
        #expect(request.query["watch"] == "true")
        #expect(request.query["resourceVersion"] == "42")
        #expect(request.query["allowWatchBookmarks"] == "true")
        #expect(request.query["timeoutSeconds"] == "290")
    }

    @Test func serverSideApplyIsAPatchWithTheApplyContentTypeFieldManagerAndForce() throws {
        let deployment = Deployment(metadata: ObjectMeta(name: "backend", namespace: "rag"))
        let request = try KubernetesRequest.apply(deployment, options: ApplyOptions(fieldManager: "rag-operator", force: true))
        #expect(request.method == .PATCH)
        #expect(request.path == "/apis/apps/v1/namespaces/rag/deployments/backend")
        #expect(request.headers["Content-Type"] == "application/apply-patch+yaml")
        #expect(request.query["fieldManager"] == "rag-operator")
        #expect(request.query["force"] == "true")
    }

    @Test func statusSubresourcePathsEndInStatus() {
        let descriptor = ResourceDescriptor(group: "rag.dev", version: "v1alpha1", kind: "RAGPipeline", plural: "ragpipelines", namespaced: true)
        #expect(descriptor.path(namespace: "rag", name: "demo", subresource: "status") == "/apis/rag.dev/v1alpha1/namespaces/rag/ragpipelines/demo/status")
        #expect(descriptor.apiVersion == "rag.dev/v1alpha1")
        #expect(descriptor.path() == "/apis/rag.dev/v1alpha1/ragpipelines")
    }

    @Test func deleteSendsDeleteOptionsWithPropagationAndPreconditions() throws {
        let options = DeleteOptions(propagationPolicy: "Foreground", preconditions: .init(uid: "u-1"))
        let request = try KubernetesRequest.delete(Deployment.self, name: "x", namespace: "rag", options: options)
        let body = try JSONValue(data: try #require(request.body))
        #expect(body["kind"] == "DeleteOptions")
        #expect(body["propagationPolicy"] == "Foreground")
        #expect(body[path: ["preconditions", "uid"]] == "u-1")
    }

    @Test func queryValuesArePercentEncodedAndDecodedSymmetrically() {
        var query: QueryItems = []
        query.append("labelSelector", "env in (prod,staging),!legacy")
        let decoded = QueryItems(parsing: query.encoded)
        #expect(decoded["labelSelector"] == "env in (prod,staging),!legacy")
        #expect(!query.encoded.contains(" "))
    }
}
