/// Errors the ``TextEmbedding`` module reports while loading a model. Encoding itself cannot fail.
///
/// Each case names the operation that failed and the file it read, so one line tells what to fix:
///
/// ```
/// no all-MiniLM-L6-v2 model in /root/.cache/rag-operator/models/all-MiniLM-L6-v2 (model.safetensors is missing): run scripts/fetch-minilm.sh
/// ```
public enum TextEmbeddingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The model folder, or one of the files a model needs in it, does not exist.
    case modelMissing(folder: String, file: String)
    /// A file exists but could not be read.
    case fileUnreadable(path: String, reason: String)
    /// A safetensors file does not follow the format (header length, JSON header, offsets, sizes).
    case safeTensorsMalformed(path: String, reason: String)
    /// A tensor the model needs is not in the weights file.
    case tensorMissing(name: String, path: String)
    /// A tensor has another shape than the configuration implies.
    case tensorShapeMismatch(name: String, expected: [Int], found: [Int])
    /// A tensor's element type cannot be read as `Float` (F32, F16 and BF16 can).
    case tensorTypeUnsupported(name: String, dtype: String)
    /// `tokenizer.json` could not be read or uses a part this tokenizer does not implement.
    case tokenizerInvalid(path: String, reason: String)
    /// `config.json` (or the pooling configuration) is unreadable or describes another architecture.
    case configurationInvalid(path: String, reason: String)

    public var description: String {
        switch self {
        case .modelMissing(let folder, let file):
            "no all-MiniLM-L6-v2 model in \(folder) (\(file) is missing): run scripts/fetch-minilm.sh"
        case .fileUnreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .safeTensorsMalformed(let path, let reason): "\(path) is not a valid safetensors file: \(reason)"
        case .tensorMissing(let name, let path): "tensor \(name) is missing from \(path)"
        case .tensorShapeMismatch(let name, let expected, let found): "tensor \(name) has shape \(found), expected \(expected)"
        case .tensorTypeUnsupported(let name, let dtype): "tensor \(name) has element type \(dtype), which cannot be read as Float"
        case .tokenizerInvalid(let path, let reason): "unsupported tokenizer \(path): \(reason)"
        case .configurationInvalid(let path, let reason): "unsupported model configuration \(path): \(reason)"
        }
    }
}
