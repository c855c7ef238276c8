import KubernetesCore

extension RAGPipeline {
    /// Checks what the CRD schema cannot (or that a server without CEL would not): formats, one-ofs,
    /// cross-field rules and the pipeline name. An empty result means the spec can be reconciled.
    ///
    /// Rules: the name is a DNS-1035 label of at most 50 characters; exactly one embedding, vector
    /// store and LLM choice; role ARNs `arn:aws(-cn|-us-gov)?:iam::<12 digits>:role/<path/name>`;
    /// `aws.region` when Bedrock, OpenSearch, Kinesis or an S3 compile cache is used; OpenSearch endpoint `https://`;
    /// URLs absolute http(s); `tensorParallelSize == neuronCores`, fitting the instance type; the vLLM
    /// storage rules (``VLLMSpec/validateStorage(field:)``); the producer needs `source.kinesis`;
    /// `AT_TIMESTAMP` needs a valid `startingTimestamp`; the embedded store allows one backend replica;
    /// the Ingress host is a DNS name and `certificateArn` an ACM ARN used with class `alb`; the
    /// autoscaling rules (``RAGPipelineSpec/validateAutoscaling()``).
    ///
    /// - Returns: every problem found, in field order; `[]` when valid.
    public func validate() -> [SpecProblem] {
        var problems: [SpecProblem] = []
        problems += validateName()
        problems += spec.validateChoices()
        problems += spec.validateAWS()
        problems += spec.validateSource()
        problems += spec.validateLLM()
        problems += spec.validateComponents()
        problems += spec.validateAutoscaling()
        return problems
    }

    private func validateName() -> [SpecProblem] {
        let name = metadata.name ?? ""
        if name.isEmpty { return [SpecProblem(field: "metadata.name", message: "is required")] }
        var problems: [SpecProblem] = []
        if !SpecPatterns.matches(name, SpecPatterns.dns1035Label) {
            problems.append(SpecProblem(field: "metadata.name", message: "\"\(name)\" must be a DNS-1035 label (lower-case letters, digits and '-', starting with a letter), because it names the pipeline's Services"))
        }
        if name.count > SpecPatterns.maxPipelineNameLength {
            problems.append(SpecProblem(field: "metadata.name", message: "must be at most \(SpecPatterns.maxPipelineNameLength) characters (got \(name.count)), so child names such as \(name)-default-deny fit in 63"))
        }
        return problems
    }
}

extension RAGPipelineSpec {
    func validateChoices() -> [SpecProblem] {
        var problems: [SpecProblem] = []
        if let embedding {
            if embedding.chosen != 1 {
                problems.append(SpecProblem(field: "spec.embedding", message: "set exactly one of bedrock, openai, hashing or local (got \(embedding.chosen))"))
            }
            if let openai = embedding.openai { problems += Self.validateURL(openai.url, field: "spec.embedding.openai.url") }
            if let local = embedding.local {
                if let model = local.model, model != RAGPipelineDefaults.localModel {
                    problems.append(SpecProblem(field: "spec.embedding.local.model", message: "\"\(model)\" is not a model the runtime image carries; use \(RAGPipelineDefaults.localModel), or embedding.openai for a model server"))
                }
                if let dimensions = local.dimensions, dimensions != RAGPipelineDefaults.localDimensions {
                    problems.append(SpecProblem(field: "spec.embedding.local.dimensions", message: "\(RAGPipelineDefaults.localModel) makes \(RAGPipelineDefaults.localDimensions)-dimensional vectors, not \(dimensions)"))
                }
            }
        }
        let stores = [vectorStore.opensearch != nil, vectorStore.embedded != nil].filter { $0 }.count
        if stores != 1 { problems.append(SpecProblem(field: "spec.vectorStore", message: "set exactly one of opensearch or embedded (got \(stores))")) }
        if let opensearch = vectorStore.opensearch {
            if let url = EndpointURL.parse(opensearch.endpoint), url.scheme == "https" {} else {
                problems.append(SpecProblem(field: "spec.vectorStore.opensearch.endpoint", message: "\"\(opensearch.endpoint)\" must be an https:// URL with a host, such as https://abc123.eu-west-1.aoss.amazonaws.com"))
            }
        }
        let llms = [llm.vllm != nil, llm.external != nil].filter { $0 }.count
        if llms != 1 { problems.append(SpecProblem(field: "spec.llm", message: "set exactly one of vllm or external (got \(llms))")) }
        if let pullPolicy = imagePullPolicy, !["Always", "IfNotPresent", "Never"].contains(pullPolicy) {
            problems.append(SpecProblem(field: "spec.imagePullPolicy", message: "\"\(pullPolicy)\" must be Always, IfNotPresent or Never"))
        }
        return problems
    }

    func validateAWS() -> [SpecProblem] {
        var problems: [SpecProblem] = []
        let roles: [(String, PodIdentitySpec?)] = [
            ("spec.aws.podIdentity.roleArn", aws?.podIdentity), ("spec.backend.podIdentity.roleArn", backend?.podIdentity),
            ("spec.consumer.podIdentity.roleArn", consumer?.podIdentity), ("spec.producer.podIdentity.roleArn", producer?.podIdentity),
            ("spec.llm.vllm.podIdentity.roleArn", llm.vllm?.podIdentity),
        ]
        for (field, identity) in roles {
            guard let arn = identity?.roleArn, !SpecPatterns.matches(arn, SpecPatterns.roleArn) else { continue }
            problems.append(SpecProblem(field: field, message: "\"\(arn)\" is not an IAM role ARN; expected arn:aws:iam::<12-digit account id>:role/<name>"))
        }
        if let region = aws?.region, !SpecPatterns.matches(region, SpecPatterns.region) {
            problems.append(SpecProblem(field: "spec.aws.region", message: "\"\(region)\" is not an AWS region such as eu-west-1"))
        }
        if aws?.region == nil {
            let users = [
                embedding?.bedrock != nil ? "embedding.bedrock" : nil,
                vectorStore.opensearch != nil ? "vectorStore.opensearch" : nil,
                source?.kinesis != nil ? "source.kinesis" : nil,
                llm.vllm?.compileCache?.s3 != nil ? "llm.vllm.compileCache.s3" : nil,
            ].compactMap { $0 }
            if !users.isEmpty {
                problems.append(SpecProblem(field: "spec.aws.region", message: "is required by \(users.joined(separator: ", "))"))
            }
        }
        return problems
    }

    static func validateURL(_ text: String, field: String) -> [SpecProblem] {
        EndpointURL.parse(text) == nil
            ? [SpecProblem(field: field, message: "\"\(text)\" must be an absolute http:// or https:// URL with a host")]
            : []
    }
}
