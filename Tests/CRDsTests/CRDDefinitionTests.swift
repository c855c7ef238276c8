import CRDs
import Foundation
import KubernetesCore
import Testing

@Suite struct CRDDefinitionTests {
    let crd = RAGPipelineCRD.definition()
    var schema: JSONValue { RAGPipelineCRD.openAPIV3Schema() }

    @Test func theCheckedInCRDMatchesTheSwiftTypes() throws {
        let generated = try RAGPipelineCRD.yaml()
        if ProcessInfo.processInfo.environment["RAG_UPDATE_GOLDEN_FILES"] == "1" {
            try generated.write(to: RepositoryFiles.root.appendingPathComponent(RepositoryFiles.crdPath), atomically: true, encoding: .utf8)
        }
        let checkedIn = try RepositoryFiles.text(RepositoryFiles.crdPath)
        guard generated != checkedIn else { return }
        let new = generated.split(separator: "\n", omittingEmptySubsequences: false)
        let old = checkedIn.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0..<min(new.count, old.count)).first { new[$0] != old[$0] } ?? min(new.count, old.count)
        Issue.record("""
            \(RepositoryFiles.crdPath) is out of date; regenerate it with `rag-operator crd > \(RepositoryFiles.crdPath)` (or RAG_UPDATE_GOLDEN_FILES=1 swift test).
            first difference at line \(line + 1):
              checked in: \(line < old.count ? String(old[line]) : "<end of file>")
              generated:  \(line < new.count ? String(new[line]) : "<end of file>")
            """)
    }

    @Test func namesScopeAndVersionsFollowTheAPI() {
        #expect(crd.metadata.name == "ragpipelines.rag.dev")
        #expect(crd.spec.group == "rag.dev")
        #expect(crd.spec.scope == "Namespaced")
        #expect(crd.spec.names.kind == "RAGPipeline")
        #expect(crd.spec.names.plural == "ragpipelines")
        #expect(crd.spec.names.shortNames == ["ragp"])
        #expect(crd.spec.names.categories == ["rag"])
        #expect(crd.spec.versions.map(\.name) == ["v1alpha1"])
        #expect(crd.spec.versions.first?.subresources?.status == .object([:]))
    }

    @Test func printerColumnsAreReadyLLMURLAndAge() {
        let columns = crd.spec.versions.first?.additionalPrinterColumns ?? []
        #expect(columns.map(\.name) == ["Ready", "LLM", "URL", "Age"])
        #expect(columns.first?.jsonPath == #".status.conditions[?(@.type=="Ready")].status"#)
        #expect(columns[1].jsonPath == ".status.llmModel")
        #expect(columns[2].jsonPath == ".status.url")
        #expect(columns[3].type == "date")
    }

    @Test func everyPropertyHasADescription() {
        var missing: [String] = []
        func walk(_ node: JSONValue, _ path: String) {
            if path != "metadata", node["description"]?.stringValue?.isEmpty != false { missing.append(path) }
            for (name, child) in node["properties"]?.objectValue ?? [:] { walk(child, path.isEmpty ? name : "\(path).\(name)") }
            if let items = node["items"], items["properties"] != nil { walk(items, path + "[]") }
        }
        walk(schema, "")
        #expect(missing.isEmpty, "fields without a description: \(missing.sorted())")
    }

    @Test func oneOfsAreCELRules() throws {
        let spec = try #require(schema["properties"]?["spec"])
        let llmRules = spec["properties"]?["llm"]?["x-kubernetes-validations"]?.arrayValue ?? []
        #expect(llmRules.contains { $0["rule"] == "has(self.vllm) != has(self.external)" })
        let storeRules = spec["properties"]?["vectorStore"]?["x-kubernetes-validations"]?.arrayValue ?? []
        #expect(storeRules.contains { $0["rule"]?.stringValue?.contains("has(self.opensearch)") == true })
        let embeddingRules = spec["properties"]?["embedding"]?["x-kubernetes-validations"]?.arrayValue ?? []
        #expect(embeddingRules.count == 2)
    }

    @Test func dataLosingChangesAreImmutable() throws {
        let storage = try #require(schema[path: ["properties", "spec", "properties", "vectorStore", "properties", "embedded", "properties", "storage"]])
        #expect(storage["x-kubernetes-validations"]?.arrayValue?.first?["rule"] == "self == oldSelf")
        let index = try #require(schema[path: ["properties", "spec", "properties", "vectorStore", "properties", "opensearch", "properties", "index"]])
        #expect(index["x-kubernetes-validations"]?.arrayValue?.first?["rule"] == "self == oldSelf")
    }

    @Test func conditionsAreAListMapKeyedByType() throws {
        let conditions = try #require(schema[path: ["properties", "status", "properties", "conditions"]])
        #expect(conditions["x-kubernetes-list-type"] == "map")
        #expect(conditions["x-kubernetes-list-map-keys"] == ["type"])
        #expect(conditions["items"]?["required"] == ["status", "type"])
    }

    @Test func theSchemaDefaultsMatchTheSwiftDefaults() throws {
        let vllm = try #require(schema[path: ["properties", "spec", "properties", "llm", "properties", "vllm", "properties"]])
        #expect(vllm["neuronCores"]?["default"] == .integer(Int64(RAGPipelineDefaults.neuronCores)))
        #expect(vllm["tensorParallelSize"]?["default"] == .integer(Int64(RAGPipelineDefaults.tensorParallelSize)))
        #expect(vllm["maxModelLen"]?["default"] == 4096)
        let network = try #require(schema[path: ["properties", "spec", "properties", "networkPolicy", "properties", "enabled"]])
        #expect(network["default"] == true)
    }

    @Test func everyDeclaredStartingPositionIsInTheSchemaEnum() throws {
        let position = try #require(schema[path: ["properties", "spec", "properties", "source", "properties", "kinesis", "properties", "startingPosition"]])
        #expect(position["enum"] == ["TRIM_HORIZON", "LATEST", "AT_TIMESTAMP"])
    }
}
