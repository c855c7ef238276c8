import CRDs
import Foundation
@testable import Operator
import Testing

/// `--allowed-role-arns`: a pipeline may hand its pods only roles the operator's policy allows.
@Suite struct RoleARNPolicyTests {
    @Test func rolesOutsideThePatternAreInvalidAndNamed() throws {
        let pipeline = try SamplePipelines.pipeline(SamplePipelines.full)   // aws.podIdentity plus a consumer override
        var options = BuildOptions()
        options.allowedRoleARNs = "arn:aws:iam::123456789012:role/rag-pipeline"
        let problems = DesiredState.problems(of: pipeline, options: options)
        #expect(problems.map(\.field) == ["spec.consumer.podIdentity.roleArn"])
        #expect(problems.first?.message.contains("arn:aws:iam::123456789012:role/rag-consumer is not allowed") == true)
        #expect(throws: DesiredStateError.self) { try DesiredState.children(of: pipeline, options: options) }
        options.allowedRoleARNs = "arn:aws:iam::123456789012:role/rag-.*"
        #expect(DesiredState.problems(of: pipeline, options: options).isEmpty)
        options.allowedRoleARNs = nil
        #expect(DesiredState.problems(of: pipeline, options: options).isEmpty, "no policy: any role")
    }
}
