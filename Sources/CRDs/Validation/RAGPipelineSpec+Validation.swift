import Foundation
import KubernetesCore

extension RAGPipelineSpec {
    func validateSource() -> [SpecProblem] {
        var problems: [SpecProblem] = []
        if let kinesis = source?.kinesis, kinesis.startingPosition == .atTimestamp {
            if let text = kinesis.startingTimestamp {
                if Timestamp.parse(text) == nil {
                    problems.append(SpecProblem(field: "spec.source.kinesis.startingTimestamp", message: "\"\(text)\" is not an RFC 3339 time such as 2025-01-04T00:00:00Z"))
                }
            } else {
                problems.append(SpecProblem(field: "spec.source.kinesis.startingTimestamp", message: "is required when startingPosition is AT_TIMESTAMP"))
            }
        }
        if producer?.enabled == true, source?.kinesis == nil {
            problems.append(SpecProblem(field: "spec.producer.enabled", message: "the producer writes to source.kinesis, which is not set"))
        }
        return problems
    }

    func validateLLM() -> [SpecProblem] {
        var problems: [SpecProblem] = []
        if let external = llm.external { problems += Self.validateURL(external.url, field: "spec.llm.external.url") }
        guard let vllm = llm.vllm else { return problems }
        let cores = vllm.neuronCores ?? RAGPipelineDefaults.neuronCores
        let parallel = vllm.tensorParallelSize ?? RAGPipelineDefaults.tensorParallelSize
        if parallel > cores {
            problems.append(SpecProblem(field: "spec.llm.vllm.tensorParallelSize", message: "\(parallel) exceeds neuronCores (\(cores)): the model cannot be sharded across more NeuronCores than the pod gets"))
        }
        if parallel < 1 { problems.append(SpecProblem(field: "spec.llm.vllm.tensorParallelSize", message: "must be at least 1")) }
        if (1..<cores).contains(parallel) {
            problems.append(SpecProblem(field: "spec.llm.vllm.tensorParallelSize", message: "\(parallel) is below neuronCores (\(cores)): \(cores - parallel) NeuronCores the pod reserves would sit idle; set both to the same number"))
        }
        let selector = vllm.nodeSelector ?? RAGPipelineDefaults.vllmNodeSelector
        if let type = selector["node.kubernetes.io/instance-type"], let available = RAGPipelineDefaults.neuronCoresPerInstance[type], cores > available {
            problems.append(SpecProblem(field: "spec.llm.vllm.neuronCores", message: "\(cores) NeuronCores do not fit one \(type), which has \(available); select a larger instance type (inf2.24xlarge: 12, inf2.48xlarge: 24)"))
        }
        if let replicas = vllm.replicas, replicas < 0 { problems.append(SpecProblem(field: "spec.llm.vllm.replicas", message: "must not be negative")) }
        if vllm.model.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(SpecProblem(field: "spec.llm.vllm.model", message: "is required")) }
        problems += vllm.validateStorage()
        return problems
    }

    func validateComponents() -> [SpecProblem] {
        var problems: [SpecProblem] = []
        let topK = retrieval?.topK ?? RAGPipelineDefaults.topK, maxTopK = retrieval?.maxTopK ?? RAGPipelineDefaults.maxTopK
        if topK > maxTopK {
            problems.append(SpecProblem(field: "spec.retrieval.topK", message: "\(topK) exceeds maxTopK (\(maxTopK)): requests could never ask for the default"))
        }
        if vectorStore.embedded != nil, let replicas = backend?.replicas, replicas > 1 {
            problems.append(SpecProblem(field: "spec.backend.replicas", message: "\(replicas) replicas cannot share the embedded vector store's ReadWriteOnce volume; use 1, or vectorStore.opensearch"))
        }
        for (field, replicas) in [("spec.backend.replicas", backend?.replicas), ("spec.consumer.replicas", consumer?.replicas), ("spec.ui.replicas", ui?.replicas)] {
            if let replicas, replicas < 0 { problems.append(SpecProblem(field: field, message: "must not be negative")) }
        }
        guard let ingress = ui?.ingress, ingress.enabled == true else { return problems }
        if let host = ingress.host, !SpecPatterns.matches(host, SpecPatterns.ingressHost) || host.count > 253 {
            problems.append(SpecProblem(field: "spec.ui.ingress.host", message: "\"\(host)\" is not a valid DNS name (lower-case RFC 1123, optionally starting with *.)"))
        }
        if let arn = ingress.tls?.certificateArn {
            if !SpecPatterns.matches(arn, SpecPatterns.certificateArn) {
                problems.append(SpecProblem(field: "spec.ui.ingress.tls.certificateArn", message: "\"\(arn)\" is not an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>)"))
            }
            if (ingress.className ?? RAGPipelineDefaults.ingressClassName) != "alb" {
                problems.append(SpecProblem(field: "spec.ui.ingress.tls.certificateArn", message: "is only used by the AWS Load Balancer Controller (className alb); use tls.secretName with \(ingress.className ?? "")"))
            }
        }
        if let tls = ingress.tls, tls.certificateArn == nil, tls.secretName == nil {
            problems.append(SpecProblem(field: "spec.ui.ingress.tls", message: "needs secretName or certificateArn"))
        }
        if let auth = ingress.auth {
            if (auth.oidc == nil) == (auth.cognito == nil) {
                problems.append(SpecProblem(field: "spec.ui.ingress.auth", message: "needs exactly one of oidc and cognito"))
            }
            if (ingress.className ?? RAGPipelineDefaults.ingressClassName) != "alb" {
                problems.append(SpecProblem(field: "spec.ui.ingress.auth", message: "is done by the AWS Load Balancer Controller (className alb); with \(ingress.className ?? "") put sign-in in front of the UI yourself"))
            } else if ingress.tls?.certificateArn == nil {
                problems.append(SpecProblem(field: "spec.ui.ingress.auth", message: "needs tls.certificateArn: the ALB signs users in only on its HTTPS listener"))
            }
        }
        return problems
    }
}
