import CRDs
import Foundation
import KubernetesCore
@testable import KubernetesTesting
import Testing

@Suite struct SampleTests {
    static let samples = (try? RepositoryFiles.sampleNames()) ?? []

    @Test func thereIsAFullAMinimalAndVariantSamples() throws {
        let names = try RepositoryFiles.sampleNames()
        #expect(names.contains("rag_v1alpha1_ragpipeline_full.yaml"))
        #expect(names.contains("rag_v1alpha1_ragpipeline_minimal.yaml"))
        #expect(names.count >= 4)
    }

    @Test(arguments: samples)
    func everySampleIsValidAgainstTheCRDSchemaInStrictMode(_ name: String) throws {
        let object = try RepositoryFiles.sample(name)
        #expect(object["apiVersion"] == "rag.dev/v1alpha1")
        #expect(object["kind"] == "RAGPipeline")
        var validator = SchemaValidator(strict: true)
        _ = validator.validate(root: object, schema: RAGPipelineCRD.openAPIV3Schema())
        #expect(validator.causes.isEmpty, "\(name): \(validator.causes.map { "\($0.field ?? ""): \($0.message ?? "")" })")
    }

    @Test(arguments: samples)
    func everySampleDecodesAndPassesSemanticValidation(_ name: String) throws {
        let pipeline = try RepositoryFiles.sample(name).decode(RAGPipeline.self)
        #expect(pipeline.validate() == [], "\(name): \(pipeline.validate().summary)")
    }

    @Test(arguments: samples)
    func everySampleRoundTripsThroughTheSwiftTypesWithoutLosingFields(_ name: String) throws {
        let object = try RepositoryFiles.sample(name)
        let reencoded = try JSONValue(encoding: try object.decode(RAGPipeline.self))
        #expect(reencoded == object)
    }

    @Test func schemaDefaultingAloneMakesTheMinimalSampleComplete() throws {
        var validator = SchemaValidator(strict: true)
        let defaulted = validator.validate(root: try RepositoryFiles.sample("rag_v1alpha1_ragpipeline_minimal.yaml"), schema: RAGPipelineCRD.openAPIV3Schema())
        #expect(validator.causes.isEmpty)
        #expect(defaulted["spec"]?["imagePullPolicy"] == "IfNotPresent")
        #expect(defaulted["spec"]?["vectorStore"]?["embedded"]?["storage"] == "10Gi")
        #expect(defaulted["spec"]?["networkPolicy"] == nil, "optional objects are not created by defaulting")
    }
}
