import Foundation
import KubernetesCore
import KubernetesTesting
import Testing
import Yams

/// `terraform/` checked without an AWS account: parsed by python-hcl2, its structure asserted
/// against what the code needs, scanned by checkov, and its RAGPipeline template accepted by
/// `rag-operator render`.
@Suite struct TerraformTests {
    static let directory = SamplePipelines.root.appendingPathComponent("terraform")

    static func configuration() throws -> JSONValue {
        let script = SamplePipelines.root.appendingPathComponent("scripts/terraform-json.py").path
        let result = try ToolRunner.run(["python3", script, directory.path])
        guard result.status == 0 else {
            throw Kubectl.Failure(description: "terraform-json.py failed (is python-hcl2 installed? run ./scripts/test): \(result.errors)")
        }
        return try JSONDecoder().decode(JSONValue.self, from: Data(result.output.utf8))
    }

    func resource(_ configuration: JSONValue, _ address: String) throws -> JSONValue {
        try #require(configuration["resource"]?[address], "no resource \(address)")
    }

    @Test func everyReferenceResolvesAndEveryVariableIsDescribed() throws {
        let configuration = try Self.configuration()
        let resources = Set(configuration["resource"]?.objectValue?.keys.map { $0 } ?? [])
        let data = Set(configuration["data"]?.objectValue?.keys.map { "data.\($0)" } ?? [])
        let variables = configuration["variable"]?.objectValue ?? [:]
        let locals = Set(configuration["locals"]?.objectValue?.keys.map { $0 } ?? [])
        for reference in (configuration["references"]?.arrayValue ?? []).compactMap(\.stringValue) {
            if reference.hasPrefix("var.") {
                #expect(variables[String(reference.dropFirst(4))] != nil, "\(reference) is not declared")
            } else if reference.hasPrefix("local.") {
                #expect(locals.contains(String(reference.dropFirst(6))), "\(reference) is not defined")
            } else if reference.hasPrefix("data.") {
                #expect(data.contains(reference), "\(reference) is not declared")
            } else {
                #expect(resources.contains(reference), "\(reference) is not declared")
            }
        }
        for (name, variable) in variables {
            let description = variable["description"]?.stringValue ?? ""
            #expect(description.count > 10, "variable \(name) has no description")
        }
    }

    @Test func theLeaseTableIsWhatTheConsumerAndTheOperatorExpect() throws {
        let configuration = try Self.configuration()
        let table = try resource(configuration, "aws_dynamodb_table.leases")
        #expect(table["hash_key"] == "shard", "DynamoDBShardLeaseTable keys rows by `shard`")
        #expect(table["attribute"]?.arrayValue?.first?["type"] == "S")
        #expect(table["billing_mode"] == "PAY_PER_REQUEST")
        #expect(table["point_in_time_recovery"]?.arrayValue?.first?["enabled"] == .bool(true))
        // The operator's default `source.kinesis.leaseTable` is rag-<namespace>-<name>-leases.
        #expect(configuration["locals"]?["lease_table"] == "rag-${var.namespace}-${var.name}-leases")
    }

    /// Each component's role grants what that component calls and nothing the others need: the
    /// backend reads, the consumer reads the stream, keeps its leases and writes the index, the
    /// producer only puts records; no wildcards; each trust names its service account.
    @Test func eachComponentsRoleGrantsWhatItCallsAndNoMore() throws {
        let configuration = try Self.configuration()
        func actions(_ component: String) throws -> Set<String> {
            let policy = try #require(configuration["data"]?["aws_iam_policy_document.\(component)"], "no policy for \(component)")
            let statements = policy["statement"]?.arrayValue ?? []
            for statement in statements {
                let everywhere = (statement["resources"]?.arrayValue ?? []).contains(.string("*"))
                #expect(everywhere == false, "\(component): \(statement["sid"]?.stringValue ?? "?") is on every resource")
            }
            return Set(statements.flatMap { ($0["actions"]?.arrayValue ?? []).compactMap(\.stringValue) })
        }
        let backend = try actions("backend"), consumer = try actions("consumer"), producer = try actions("producer")
        #expect(backend == ["bedrock:InvokeModel", "aoss:APIAccessAll"])
        #expect(consumer.isSuperset(of: [
            "kinesis:ListShards", "kinesis:GetShardIterator", "kinesis:GetRecords",
            "dynamodb:DescribeTable", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Scan",
            "bedrock:InvokeModel", "aoss:APIAccessAll",
        ]))
        #expect(!consumer.contains { $0.hasPrefix("kinesis:Put") }, "the consumer does not write the stream")
        #expect(producer == ["kinesis:PutRecords", "kinesis:PutRecord"])
        for action in backend.union(consumer).union(producer) { #expect(!action.hasSuffix("*"), "\(action)") }

        let components = try #require(configuration["locals"]?["components"]?.objectValue)
        #expect(components == ["backend": "${var.name}-backend", "consumer": "${var.name}-consumer", "producer": "${var.name}-producer"],
                "the operator's service account names")
        for name in ["component_trust", "operator_trust"] {
            let trust = try #require(configuration["data"]?["aws_iam_policy_document.\(name)"]?["statement"]?.arrayValue?.first)
            #expect(trust["principals"]?.arrayValue?.first?["identifiers"] == ["pods.eks.amazonaws.com"])
            #expect(trust["actions"] == ["sts:AssumeRole", "sts:TagSession"])
            let scoped = Set((trust["condition"]?.arrayValue ?? []).compactMap { $0["variable"]?.stringValue })
            #expect(scoped.isSuperset(of: ["aws:RequestTag/eks-cluster-name", "aws:RequestTag/kubernetes-namespace", "aws:RequestTag/kubernetes-service-account"]),
                    "\(name) is not scoped to one service account")
        }
    }

    @Test func theCollectionIsPrivateUnlessPublicAccessIsAskedFor() throws {
        let configuration = try Self.configuration()
        #expect(configuration["variable"]?["opensearch_public_access"]?["default"] == .bool(false))
        let network = try resource(configuration, "aws_opensearchserverless_security_policy.network")
        let policy = network["policy"]?.stringValue ?? ""
        #expect(policy.contains("AllowFromPublic = false") && policy.contains("SourceVPCEs"), "\(policy)")
        #expect(try resource(configuration, "aws_opensearchserverless_vpc_endpoint.vectors")["vpc_id"] == "${var.vpc_id}")
        let access = try resource(configuration, "aws_opensearchserverless_access_policy.data")["policy"]?.stringValue ?? ""
        #expect(access.contains(#"aws_iam_role.component["backend"].arn"#) && access.contains(#"aws_iam_role.component["consumer"].arn"#))
    }

    @Test func theCollectionIsAnEncryptedVectorSearchCollectionAndTheStreamIsEncrypted() throws {
        let configuration = try Self.configuration()
        #expect(try resource(configuration, "aws_opensearchserverless_collection.vectors")["type"] == "VECTORSEARCH")
        #expect(try resource(configuration, "aws_opensearchserverless_security_policy.encryption")["type"] == "encryption")
        #expect(try resource(configuration, "aws_kinesis_stream.telemetry")["encryption_type"] == "KMS")
        let release = try resource(configuration, "helm_release.operator")
        #expect(release["chart"] == "${path.module}/../charts/rag-operator")
        #expect(FileManager.default.fileExists(atPath: SamplePipelines.root.appendingPathComponent("charts/rag-operator/Chart.yaml").path))
    }

    @Test func checkovFindsNothing() throws {
        let scan = try ToolRunner.run([try ToolRunner.checkov(), "-d", Self.directory.path, "--framework", "terraform", "--quiet", "--compact", "-o", "json"])
        let report = try JSONDecoder().decode(JSONValue.self, from: Data(scan.output.utf8))
        let summary = try #require(report["summary"], "checkov printed no report: \(scan.errors)")
        #expect(summary["failed"] == .integer(0), "checkov: \(report["results"]?["failed_checks"]?.arrayValue?.compactMap { $0["check_id"]?.stringValue } ?? [])")
        #expect(summary["parsing_errors"] == .integer(0))
        #expect((summary["passed"]?.int64Value ?? 0) >= 40, "checkov ran its checks")
    }

    @Test func theRenderedRAGPipelineIsAcceptedByTheOperator() throws {
        let template = try String(contentsOf: Self.directory.appendingPathComponent("ragpipeline.yaml.tftpl"), encoding: .utf8)
        // Every ${name} the template uses is passed by templatefile() in outputs.tf.
        let outputs = try String(contentsOf: Self.directory.appendingPathComponent("outputs.tf"), encoding: .utf8)
        let used = Set(template.matches(of: /\$\{([a-z_]+)\}/).map { String($0.1) })
        let passed = Set(outputs.matches(of: #/(?m)^\s+([a-z_]+)\s+=\s/#).map { String($0.1) })
        #expect(used.isSubset(of: passed), "not passed to the template: \(used.subtracting(passed).sorted())")

        let values = [
            "name": "vehicle-logs", "namespace": "rag", "region": "eu-west-1", "cluster_name": "rag-eks",
            "backend_role_arn": "arn:aws:iam::123456789012:role/vehicle-logs-backend",
            "consumer_role_arn": "arn:aws:iam::123456789012:role/vehicle-logs-consumer",
            "producer_role_arn": "arn:aws:iam::123456789012:role/vehicle-logs-producer", "stream_name": "vehicle-logs",
            "lease_table": "rag-rag-vehicle-logs-leases", "model_id": "cohere.embed-english-v3",
            "endpoint": "https://abc123.eu-west-1.aoss.amazonaws.com", "index": "vehicle-logs",
            "runtime_image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/vehicle-logs/rag-runtime:0.1.0",
            "llm_model": "meta-llama/Llama-3.2-1B-Instruct", "hf_token_secret_name": "hf-token",
        ]
        // templatefile() with hf_token_secret_name set: the %{ if } lines go, their body stays.
        var manifest = template.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("%{") }.joined(separator: "\n")
        for (key, value) in values { manifest = manifest.replacingOccurrences(of: "${\(key)}", with: value) }
        #expect(!manifest.contains("${") && !manifest.contains("%{"))
        let documents = manifest.components(separatedBy: "\n---\n")
        #expect(documents.count == 2 && documents[0].contains("kind: Namespace") && documents[0].contains("name: rag"), "the namespace comes first")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tf-pipeline-\(UUID()).yaml")
        try documents[1].write(to: file, atomically: true, encoding: .utf8)
        let render = try ToolRunner.run([try DevModeKubectlTests.executable("rag-operator").path, "render", "-f", file.path])
        #expect(render.status == 0, "rag-operator render: \(render.errors)")
        let output = render.output
        #expect(output.contains("name: LEASE_TABLE") && output.contains("rag-rag-vehicle-logs-leases"))
        #expect(output.contains("aws.amazon.com/neuroncore"))
        #expect(output.contains("name: HF_TOKEN"), "the gated model gets its token")
        let pipeline = try SamplePipelines.json(try Yams.load(yaml: documents[1]) as Any)
        for component in ["backend", "consumer", "producer"] {
            #expect(pipeline[path: ["spec", component, "podIdentity", "roleArn"]] == .string("arn:aws:iam::123456789012:role/vehicle-logs-\(component)"),
                    "\(component) runs with its own role")
        }
    }
}
