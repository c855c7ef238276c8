import CRDs
import KubernetesCore
import Testing
import Yams

@Suite struct YAMLRendererTests {
    @Test func theCRDRoundTripsThroughYams() throws {
        let json = try JSONValue(encoding: RAGPipelineCRD.definition())
        #expect(try YAMLJSON.parse(YAMLRenderer.render(json)) == json)
    }

    @Test(arguments: [
        "yes", "No", "on", "OFF", "true", "null", "~", "y", "1", "0755", "1e3", "-1", ".5", "2025-01-04",
        "a: b", "key:", "# comment", "x #y", "- item", "*alias", "&anchor", "!tag", "{a}", "[a]", "'quoted'", "\"dq\"",
        "multi\nline", " leading", "trailing ", "", "tab\there", "back\\slash", "percent%", "@at", "`tick`", "ünïcode", "nan", "inf",
    ])
    func trickyStringsStayStrings(_ text: String) throws {
        let value: JSONValue = ["key": .string(text), "list": [.string(text)]]
        #expect(try YAMLJSON.parse(YAMLRenderer.render(value)) == value)
    }

    @Test func plainStringsAreNotQuoted() {
        let yaml = YAMLRenderer.render(["image": "public.ecr.aws/neuron/vllm:latest", "url": "http://x-backend:80", "name": "vehicle-logs"])
        #expect(yaml == "image: public.ecr.aws/neuron/vllm:latest\nname: vehicle-logs\nurl: http://x-backend:80\n")
    }

    @Test func nestedListsAndEmptyContainersRenderInBlockStyle() throws {
        let value: JSONValue = ["spec": ["ports": [["port": 80, "name": "http"]], "empty": [:], "none": [], "matrix": [[1, 2], [3]], "ratio": 0.5, "whole": 2.0]]
        let yaml = YAMLRenderer.render(value)
        #expect(yaml.contains("  ports:\n  - name: http\n    port: 80\n"))
        #expect(yaml.contains("  empty: {}\n"))
        #expect(yaml.contains("  none: []\n"))
        #expect(try YAMLJSON.parse(yaml) == value)
    }

    @Test func documentsAreSeparated() {
        #expect(YAMLRenderer.renderDocuments([["a": 1], ["b": 2]]) == "---\na: 1\n---\nb: 2\n")
    }
}
