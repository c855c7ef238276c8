import CRDs
import KubernetesCore

/// Where vLLM finds, or puts, the model compiled for Neuron: a folder keyed by everything the
/// compilation depends on.
///
/// vLLM on Neuron (NxD Inference) loads from `NEURON_COMPILED_ARTIFACTS` when the folder holds a
/// compiled model, and otherwise compiles and saves there. It does not check that the folder was
/// compiled for the same configuration (a folder for 4096 tokens loads for 8192 without a word), so
/// the key covers model, tensor-parallel size, max-model-len, max-num-seqs and image (the Neuron SDK
/// version): a readable prefix and a stable hash.
///
/// ```swift
/// CompiledArtifacts.key(vllm)   // "llama-3-2-1b-instruct-tp2-len4096-seqs8-3f2a9c1e"
/// ```
public enum CompiledArtifacts {
    /// Characters of the model name kept in the key.
    static let modelPrefixLength = 40

    /// `<model>-tp<N>-len<L>-seqs<S>-<hash>`: lower-case letters, digits and `-`, at most 80 characters.
    public static func key(_ vllm: VLLMSpec) -> String {
        let inputs = Inputs(vllm)
        return "\(slug(inputs.model))-tp\(inputs.tensorParallelSize)-len\(inputs.maxModelLen)-seqs\(inputs.maxNumSeqs)-\(hash(inputs))"
    }

    /// 8 hex digits of FNV-1a over the five inputs: stable across processes and operator versions.
    public static func hash(_ vllm: VLLMSpec) -> String { hash(Inputs(vllm)) }

    /// The model's name without its organisation, lower-cased, runs of other characters as one `-`:
    /// `meta-llama/Llama-3.2-1B-Instruct` is `llama-3-2-1b-instruct`.
    static func slug(_ model: String) -> String {
        let name = model.split(separator: "/").last.map(String.init) ?? model
        var slug = ""
        for character in name.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber {
                slug.append(character)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        slug = String(slug.prefix(modelPrefixLength))
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "model" : slug
    }

    /// What the compiled artifacts depend on, after defaults.
    struct Inputs {
        var model: String
        var tensorParallelSize: Int
        var maxModelLen: Int
        var maxNumSeqs: Int
        var image: String

        init(_ vllm: VLLMSpec) {
            model = vllm.model
            tensorParallelSize = vllm.tensorParallelSize ?? RAGPipelineDefaults.tensorParallelSize
            maxModelLen = vllm.maxModelLen ?? RAGPipelineDefaults.maxModelLen
            maxNumSeqs = vllm.maxNumSeqs ?? RAGPipelineDefaults.maxNumSeqs
            image = vllm.image ?? RAGPipelineDefaults.vllmImage
        }
    }

    static func hash(_ inputs: Inputs) -> String {
        // One field per line: no value can contain a newline that makes two inputs collide.
        let text = [inputs.model, String(inputs.tensorParallelSize), String(inputs.maxModelLen), String(inputs.maxNumSeqs), inputs.image]
            .joined(separator: "\n")
        return String(ConfigHash.hex(ConfigHash.fnv1a64(Array(text.utf8))).prefix(8))
    }
}
