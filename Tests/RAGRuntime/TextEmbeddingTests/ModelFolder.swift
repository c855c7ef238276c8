import Foundation
import TextEmbedding

/// Where the tests find all-MiniLM-L6-v2: `$RAG_MINILM_DIR`, or the folder scripts/fetch-minilm.sh
/// fills by default. A missing model fails the test with one line saying how to get it.
enum ModelFolder {
    static var url: URL {
        let environment = ProcessInfo.processInfo.environment
        if let folder = environment["RAG_MINILM_DIR"], !folder.isEmpty { return URL(filePath: folder) }
        return URL(filePath: NSHomeDirectory()).appending(path: ".cache/rag-operator/models/all-MiniLM-L6-v2")
    }

    /// The folder, checked to hold the files a model needs.
    static func checked() throws -> URL {
        let folder = url
        for file in ["model.safetensors", "tokenizer.json", "config.json", "1_Pooling/config.json"]
        where !FileManager.default.fileExists(atPath: folder.appending(path: file).path) {
            throw TextEmbeddingError.modelMissing(folder: folder.path, file: file)
        }
        return folder
    }

    static var fixtures: URL { Bundle.module.url(forResource: "Fixtures", withExtension: nil)! }
}
