import ArgumentParser
import Foundation
import VectorIndex

/// `swift run -c release vector-search-benchmark`: two modes.
///
/// - `--mode store` (the default without `--base`): the embedded vector store over synthetic
///   telemetry: build time, recall@10 and q/s unfiltered and with time-window and field filters.
///   `--dump FILE` writes the vectors for `faiss_baseline.py`.
/// - `--mode index` (the default with `--base`): the `VectorIndex` HNSW alone, on `.npy` files
///   (`--base`, `--queries`, `--metric`) or on synthetic clustered unit vectors (`--count`,
///   `--dimensions`). Exact ground truth, an efSearch sweep with recall counted the ann-benchmarks
///   way (ties by distance), q/s at recall 0.90 / 0.95 / 0.99, build time, bytes per vector,
///   filtered recall per selectivity, and, with `--index-file`, the write and memory-mapped reopen.
///   `--json FILE` writes the figures for `compare_baselines.py`.
/// - `--mode corpus`: the synthetic telemetry corpus's record texts and query texts embedded with
///   all-MiniLM-L6-v2 (`--model-dir`), written as `--out`-base.npy and `--out`-queries.npy: the
///   real-model data set of `compare_baselines.py telemetry384`.
@main
struct VectorSearchBenchmark: AsyncParsableCommand {
    enum Mode: String, ExpressibleByArgument { case store, index, corpus }
    enum FilterStrategy: String, ExpressibleByArgument {
        case auto, exact, filtered, twoHop = "two-hop"

        var forced: SearchStrategy? {
            switch self {
            case .auto: nil
            case .exact: .exact
            case .filtered: .filteredGraph
            case .twoHop: .twoHopGraph
            }
        }
    }

    @Option(help: "store (the embedded store on synthetic telemetry), index (VectorIndex alone) or corpus (embed the telemetry corpus with all-MiniLM-L6-v2 into .npy files). Default: index with --base, else store.")
    var mode: Mode?
    @Option(help: "Documents (store) or synthetic vectors (index) in the corpus (default 100000); with --base, the first N rows (default all).")
    var count: Int?
    @Option(help: "Vector dimensions of synthetic data.") var dimensions = 384
    @Option(help: "HNSW m.") var m = 16
    @Option(help: "HNSW efConstruction.") var efConstruction = 128
    @Option(help: "HNSW efSearch (store mode; the filter sweep in index mode).") var efSearch = 100
    @Option(help: "A query count (synthetic data), or a .npy file of query vectors (index mode).") var queries = "500"
    @Flag(help: "Store mode: embed record texts with the hashing embedder instead of random unit vectors.") var text = false
    @Option(help: "Store mode: write corpus and query vectors here (float32, little-endian).") var dump: String?
    @Option(help: "Index mode: a .npy file of base vectors (float32, rows).") var base: String?
    @Option(help: "Index mode: angular, ip or l2.") var metric: DistanceMetric = .angular
    @Option(help: "Index mode: threads for the build (searches use one thread).") var threads = 1
    @Option(help: "Index mode: none or int8 (the walk reads int8 codes, re-ranked exactly).") var quantization: Quantization = .none
    @Option(help: "Index mode: the efSearch values to sweep, comma-separated.") var sweep = "10,16,24,32,48,64,96,128,192,256,384,512"
    @Option(help: "Index mode: filter selectivities to measure, comma-separated (empty: none).") var selectivities = "0.001,0.01,0.05,0.1,0.2,0.5,1"
    @Option(help: "Index mode: the filtered searches' strategy: auto (the cost model), exact, filtered or two-hop (to calibrate the model).") var filterStrategy: FilterStrategy = .auto
    @Option(help: "Index mode: the efSearch values each filter is also measured at (for q/s at recall 0.95), comma-separated.") var filterSweep = "10,16,24,32,48,64,100,160"
    @Option(help: "Index mode: write the index here, reopen it memory-mapped and time that.") var indexFile: String?
    @Option(help: "Index mode: search this index file (written by --index-file from the same --base) instead of building one; compares search changes on one graph.") var open: String?
    @Option(help: "Index mode: write the figures as JSON here.") var json: String?
    @Option(help: "Corpus mode: the all-MiniLM-L6-v2 folder (scripts/fetch-minilm.sh prints it). Default: $RAG_MINILM_DIR or ~/.cache/rag-operator/models/all-MiniLM-L6-v2.") var modelDir: String?
    @Option(help: "Corpus mode: write PREFIX-base.npy and PREFIX-queries.npy.") var out: String?

    func run() async throws {
        switch mode ?? (base == nil ? .store : .index) {
        case .store: try await runStore()
        case .index: try runIndex()
        case .corpus: try runCorpus()
        }
    }
}

extension DistanceMetric: ExpressibleByArgument {}
extension Quantization: ExpressibleByArgument {}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
