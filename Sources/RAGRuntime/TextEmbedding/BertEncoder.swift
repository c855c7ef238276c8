import Dispatch
import Foundation

/// The BERT encoder: token ids to one hidden state per token, then attention-masked mean pooling
/// and L2 normalisation to one sentence vector per text.
///
/// A batch is run packed: the real tokens of every text sit one after another (no padding rows),
/// and each text attends only to its own tokens. That is exactly what a padded batch with the
/// padding masked out computes (a masked key gets zero weight, a padded query is never pooled),
/// without spending work on padding.
struct BertEncoder: Sendable {
    let configuration: BertConfiguration
    let weights: BertWeights

    /// One unit vector per row of `batch`, pooled over that row's real tokens only.
    func embed(_ batch: TokenBatch) -> [[Float]] {
        let hiddenSize = configuration.hiddenSize
        var offsets: [Int] = []
        var total = 0
        for length in batch.lengths {
            offsets.append(total)
            total += length
        }
        guard total > 0 else { return batch.lengths.map { _ in [Float](repeating: 0, count: hiddenSize) } }
        var tokens: [Int32] = []
        var positions: [Int] = []
        tokens.reserveCapacity(total)
        for row in 0..<batch.count {
            tokens.append(contentsOf: batch.ids(row: row).prefix(batch.lengths[row]))
            positions.append(contentsOf: 0..<batch.lengths[row])
        }
        var hidden = embeddings(tokens: tokens, positions: positions)
        let sequences = zip(offsets, batch.lengths).map { $0..<($0 + $1) }
        for layer in weights.layers {
            hidden = forward(layer, hidden: hidden, count: total, sequences: sequences)
        }
        return sequences.map { pooled(hidden, tokens: $0) }
    }

    /// Word + position + token type (0) embeddings, layer-normalised.
    func embeddings(tokens: [Int32], positions: [Int]) -> [Float] {
        let width = configuration.hiddenSize
        var hidden = [Float](repeating: 0, count: tokens.count * width)
        for (index, token) in tokens.enumerated() {
            let word = Int(token) * width, position = positions[index] * width
            for column in 0..<width {
                hidden[index * width + column] =
                    weights.wordEmbeddings[word + column] + weights.positionEmbeddings[position + column] + weights.tokenTypeEmbeddings[column]
            }
        }
        layerNormalize(&hidden, rows: tokens.count, norm: weights.embeddingNorm)
        return hidden
    }

    /// One transformer layer over `count` packed tokens.
    func forward(_ layer: BertWeights.Layer, hidden: [Float], count: Int, sequences: [Range<Int>]) -> [Float] {
        let queryKeyValue = apply(layer.queryKeyValue, to: hidden, rows: count)
        let context = attention(queryKeyValue, count: count, sequences: sequences)
        var attended = apply(layer.attentionOutput, to: context, rows: count)
        addAndNormalize(&attended, residual: hidden, rows: count, norm: layer.attentionNorm)
        var intermediate = apply(layer.intermediate, to: attended, rows: count)
        gelu(&intermediate)
        var output = apply(layer.output, to: intermediate, rows: count)
        addAndNormalize(&output, residual: attended, rows: count, norm: layer.outputNorm)
        return output
    }

    /// `input·W + b` for `rows` rows.
    func apply(_ linear: BertWeights.Linear, to input: [Float], rows: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: rows * linear.outputs) { output, initialized in
            input.withUnsafeBufferPointer { a in
                linear.weight.withUnsafeBufferPointer { b in
                    linear.bias.withUnsafeBufferPointer { bias in
                        MatrixMultiplication.multiply(
                            a.baseAddress!, b.baseAddress!, bias: bias.baseAddress!, into: output.baseAddress!,
                            m: rows, n: linear.outputs, k: linear.inputs
                        )
                    }
                }
            }
            initialized = rows * linear.outputs
        }
    }

    /// The exact GELU, `x·Φ(x)` with the error function (the config's `gelu`, not the tanh
    /// approximation; see ``VectorMath``), in chunks across the cores.
    func gelu(_ values: inout [Float]) {
        let count = values.count
        let chunk = 16_384
        values.withUnsafeMutableBufferPointer { buffer in
            // Each worker rewrites its own chunk.
            nonisolated(unsafe) let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: (count + chunk - 1) / chunk) { task in
                let start = task * chunk
                VectorMath.gelu(base + start, count: min(count, start + chunk) - start)
            }
        }
    }

    func addAndNormalize(_ values: inout [Float], residual: [Float], rows: Int, norm: BertWeights.LayerNorm) {
        for index in values.indices { values[index] += residual[index] }
        layerNormalize(&values, rows: rows, norm: norm)
    }

    func layerNormalize(_ values: inout [Float], rows: Int, norm: BertWeights.LayerNorm) {
        let width = configuration.hiddenSize
        let epsilon = configuration.layerNormEpsilon
        values.withUnsafeMutableBufferPointer { buffer in
            for row in 0..<rows {
                let start = row * width
                var mean: Float = 0
                for column in 0..<width { mean += buffer[start + column] }
                mean /= Float(width)
                var variance: Float = 0
                for column in 0..<width {
                    let deviation = buffer[start + column] - mean
                    variance += deviation * deviation
                }
                let scale = 1 / (variance / Float(width) + epsilon).squareRoot()
                for column in 0..<width {
                    buffer[start + column] = (buffer[start + column] - mean) * scale * norm.gamma[column] + norm.beta[column]
                }
            }
        }
    }

    /// Mean of the hidden states of `tokens`, scaled to unit length.
    func pooled(_ hidden: [Float], tokens: Range<Int>) -> [Float] {
        let width = configuration.hiddenSize
        var sum = [Double](repeating: 0, count: width)
        for token in tokens {
            for column in 0..<width { sum[column] += Double(hidden[token * width + column]) }
        }
        let mean = sum.map { $0 / Double(max(tokens.count, 1)) }
        let length = max(mean.reduce(0) { $0 + $1 * $1 }.squareRoot(), 1e-12)
        return mean.map { Float($0 / length) }
    }
}
