import Foundation
import Testing

/// Reads every `import` in Sources/ and Benchmarks/ and checks it against ``TargetLayers``: no
/// target imports one at its own rank or above, and the data plane imports nothing of the operator's.
@Suite struct TargetLayerTests {
    static let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Source folders by target name: `Sources/<Target>`, `Sources/RAGRuntime/<Target>`, the benchmarks.
    static func targetFolders() throws -> [String: URL] {
        let manager = FileManager.default
        var folders: [String: URL] = [:]
        let sources = root.appending(path: "Sources")
        for name in try manager.contentsOfDirectory(atPath: sources.path) where name != "RAGRuntime" {
            folders[name] = sources.appending(path: name)
        }
        let runtime = sources.appending(path: "RAGRuntime")
        for name in try manager.contentsOfDirectory(atPath: runtime.path) {
            folders[name] = runtime.appending(path: name)
        }
        folders["VectorSearchBenchmark"] = root.appending(path: "Benchmarks/VectorSearch")
        folders["IngestionBenchmark"] = root.appending(path: "Benchmarks/Ingestion")
        folders["OperatorScaleBenchmark"] = root.appending(path: "Benchmarks/OperatorScale")
        folders["EmbeddingBenchmark"] = root.appending(path: "Benchmarks/Embedding")
        return folders
    }

    /// The package's own modules each Swift file under `folder` imports, with the file's name.
    static func imports(under folder: URL) throws -> [(file: String, module: String)] {
        let known = Set(TargetLayers.places.keys)
        var found: [(String, String)] = []
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                guard let match = line.wholeMatch(of: /^(?:@testable )?import (\w+)\s*$/) else { continue }
                let module = String(match.1)
                if known.contains(module) { found.append((file.lastPathComponent, module)) }
            }
        }
        return found
    }

    @Test func everySourceFolderIsATargetWithAPlace() throws {
        let unplaced = try Self.targetFolders().keys.filter { TargetLayers.places[$0] == nil }
        #expect(unplaced.isEmpty, "folders without a layer in TargetLayers: \(unplaced.sorted())")
    }

    @Test func noTargetImportsATargetAtItsOwnRankOrAbove() throws {
        var violations: [String] = []
        for (target, folder) in try Self.targetFolders() {
            guard let place = TargetLayers.places[target] else { continue }
            for (file, module) in try Self.imports(under: folder) where module != target {
                guard let imported = TargetLayers.places[module] else { continue }
                if imported.rank >= place.rank {
                    violations.append("\(target)/\(file) imports \(module) (rank \(imported.rank) >= \(place.rank))")
                }
                if place.dataPlane, TargetLayers.operatorSide.contains(module) {
                    violations.append("\(target)/\(file) is data plane but imports \(module)")
                }
            }
        }
        #expect(violations.isEmpty, "\(violations.sorted().joined(separator: "\n"))")
    }
}
