import Foundation
import KubernetesCore
import Operator
import Testing

/// The rendered KEDA objects against KEDA's own CRD schema, through `scripts/validate-keda.py` (the
/// PyPI package `cloudcoil-models-keda`, models generated from the CRDs KEDA publishes, made strict:
/// unknown fields, wrong types and missing required fields all fail).
@Suite struct KEDAValidateTests {
    static let script = SamplePipelines.root.appendingPathComponent("scripts/validate-keda.py").path

    static func kedaObjects() throws -> [DesiredObject] {
        try AutoscalingBuilderTests.children(keda: true).filter { $0.descriptor.group == "keda.sh" }
    }

    @Test func theRenderedScaledObjectsAndTriggerAuthenticationPassKEDAsSchema() throws {
        let objects = try Self.kedaObjects()
        #expect(objects.map { "\($0.descriptor.kind)/\($0.name)" }.sorted()
                == ["ScaledObject/elastic-logs-consumer", "ScaledObject/elastic-logs-vllm", "TriggerAuthentication/elastic-logs-consumer-keda"])
        let result = try validate(objects.map(\.body))
        #expect(result.status == 0, "validate-keda.py failed:\n\(result.combined)")
        #expect(result.output.contains("ok: 3 documents"), "\(result.combined)")
    }

    /// The oracle is only worth something if it fails: a field KEDA does not have, and a threshold as
    /// a number instead of a string, are both reported by path.
    @Test func theOracleRefusesAPlantedBadFieldAndANumberThreshold() throws {
        var scaled = try #require(try Self.kedaObjects().first { $0.name == "elastic-logs-vllm" }).body
        var trigger = try #require(scaled[path: ["spec", "triggers"]]?.arrayValue?.first)
        trigger["metricName"] = "vllm_waiting"
        trigger.set(.integer(5), at: ["metadata", "threshold"])
        scaled.set(.array([trigger]), at: ["spec", "triggers"])
        let result = try validate([scaled])
        #expect(result.status == 1, "\(result.combined)")
        #expect(result.output.contains("spec.triggers[0].metricName: unknown field"), "\(result.combined)")
        #expect(result.output.contains("spec.triggers[0].metadata.threshold"), "\(result.combined)")
    }

    private func validate(_ documents: [JSONValue]) throws -> ToolRunner.Result {
        let list: JSONValue = ["apiVersion": "v1", "kind": "List", "items": .array(documents)]
        let result = try ToolRunner.run(["python3", Self.script], input: try list.data())
        if result.combined.contains("No module named 'cloudcoil") {
            Issue.record("cloudcoil-models-keda is not installed in the test virtualenv: run ./scripts/test. \(result.combined)")
        }
        return result
    }
}
