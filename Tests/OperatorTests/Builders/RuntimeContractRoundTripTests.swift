import CRDs
import KubernetesCore
import Operator
import RuntimeContract
import Testing

/// What the operator writes into each runtime container's environment is exactly what `rag-runtime`
/// reads back, for every sample pipeline: the two halves of the contract, tied together.
@Suite struct RuntimeContractRoundTripTests {
    static let runtimeComponents: [PipelineComponent] = [.backend, .consumer, .producer, .ui]

    @Test(arguments: SamplePipelines.names)
    func everyRuntimeContainerDecodesToTheSettingsTheOperatorMeant(_ sample: String) throws {
        let pipeline = try SamplePipelines.pipeline(sample)
        let context = BuildContext(pipeline: pipeline)
        let children = try DesiredState.children(of: pipeline)
        var checked = 0
        for component in Self.runtimeComponents {
            guard let deployment = children.first(where: { $0.descriptor == Deployment.resource && $0.component == component.rawValue }) else { continue }
            let env = try #require(deployment.body[path: ["spec", "template", "spec", "containers"]]?.arrayValue?.first?["env"]?.arrayValue)
            // A Secret's value reaches the process only at run time: stand in for it.
            var environment: [String: String] = [:]
            for variable in env {
                let name = try #require(variable["name"]?.stringValue)
                #expect(environment[name] == nil, "\(name) set twice for \(component)")
                environment[name] = variable["value"]?.stringValue ?? (variable["valueFrom"] != nil ? "<from a secret>" : nil)
            }
            for name in environment.keys { #expect(RuntimeVariable(rawValue: name) != nil, "\(name) is not a contract variable") }
            var expected = RuntimeEnvironment.settings(context, for: component)
            if case .openAI(let url, let model, let dimensions, let key?) = expected.embedder, case .secretKeyRef = key {
                expected.embedder = .openAI(url: url, model: model, dimensions: dimensions, apiKey: .provided)
            }
            #expect(try RuntimeSettings(environment: environment) == expected, "\(sample): \(component)")
            checked += 1
        }
        #expect(checked >= 2, "\(sample) runs at least a backend and a UI")
    }
}
