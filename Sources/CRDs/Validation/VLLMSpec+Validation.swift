import KubernetesCore

extension VLLMSpec {
    /// The Neuron storage rules: `ephemeralStorage` and the claim's `size` are quantities; the compile
    /// cache has exactly one store; a ReadWriteOnce claim serves one replica; the S3 URI is
    /// `s3://bucket/prefix`.
    ///
    /// Each problem's field names the rule's field under `spec.llm.vllm`, and its message says why and
    /// what to do. The CRD checks the same at admission where CEL can express it (one store, a
    /// ReadWriteOnce claim with more than one replica, the patterns).
    func validateStorage(field: String = "spec.llm.vllm") -> [SpecProblem] {
        var problems: [SpecProblem] = []
        if let storage = ephemeralStorage, !SpecPatterns.matches(storage, JSONSchemaProperty.quantityPattern) {
            problems.append(SpecProblem(field: "\(field).ephemeralStorage", message: "\"\(storage)\" is not a quantity such as 50Gi"))
        }
        guard let cache = compileCache else { return problems }
        let cacheField = "\(field).compileCache"
        if cache.chosen != 1 {
            problems.append(SpecProblem(field: cacheField, message: "set exactly one of persistentVolumeClaim or s3 (got \(cache.chosen))"))
        }
        if let claim = cache.persistentVolumeClaim {
            if let size = claim.size, !SpecPatterns.matches(size, JSONSchemaProperty.quantityPattern) {
                problems.append(SpecProblem(field: "\(cacheField).persistentVolumeClaim.size", message: "\"\(size)\" is not a quantity such as 100Gi"))
            }
            if let mode = claim.accessMode, !CompileCacheVolumeSpec.accessModes.contains(mode) {
                problems.append(SpecProblem(field: "\(cacheField).persistentVolumeClaim.accessMode", message: "\"\(mode)\" must be ReadWriteOnce or ReadWriteMany"))
            }
            let replicas = mostReplicas
            if claim.accessMode == "ReadWriteOnce", replicas > 1 {
                let setting = autoscaling != nil ? "autoscaling.maxReplicas" : "replicas"
                problems.append(SpecProblem(field: "\(cacheField).persistentVolumeClaim.accessMode", message: "ReadWriteOnce allows one replica, but \(setting) is \(replicas): replicas on other nodes could not mount the cache; use ReadWriteMany (EFS, FSx for Lustre) or 1 replica"))
            }
        }
        if let s3 = cache.s3, !SpecPatterns.matches(s3.uri, SpecPatterns.s3URI) {
            problems.append(SpecProblem(field: "\(cacheField).s3.uri", message: "\"\(s3.uri)\" must be s3://bucket/prefix with a valid bucket name (3 to 63 lower-case letters, digits, '.' and '-')"))
        }
        return problems
    }
}
