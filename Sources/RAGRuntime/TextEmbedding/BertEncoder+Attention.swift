import Dispatch
import Foundation

extension BertEncoder {
    /// Multi-head self-attention over packed tokens: `queryKeyValue` holds each token's query, key
    /// and value (`3·hidden` values); each sequence attends only to its own tokens. Returns each
    /// token's context (`hidden` values), heads side by side.
    ///
    /// Each (sequence, head) pair is one task: `softmax(Q·Kᵀ/√d)·V` with two matrix products read
    /// straight out of the fused projection (rows `3·hidden` floats apart).
    func attention(_ queryKeyValue: [Float], count: Int, sequences: [Range<Int>]) -> [Float] {
        let hidden = configuration.hiddenSize, heads = configuration.headCount, headSize = configuration.headSize
        let stride = 3 * hidden
        let scale = 1 / Float(headSize).squareRoot()
        var context = [Float](repeating: 0, count: count * hidden)
        queryKeyValue.withUnsafeBufferPointer { qkvBuffer in
            context.withUnsafeMutableBufferPointer { contextBuffer in
                // Workers read the shared input and each writes its own (sequence, head) block of the output.
                nonisolated(unsafe) let qkv = qkvBuffer.baseAddress!
                nonisolated(unsafe) let output = contextBuffer.baseAddress!
                DispatchQueue.concurrentPerform(iterations: sequences.count * heads) { task in
                    let sequence = sequences[task / heads], head = task % heads
                    let length = sequence.count
                    let queries = qkv + sequence.lowerBound * stride + head * headSize
                    var scores = [Float](repeating: 0, count: length * length)
                    scores.withUnsafeMutableBufferPointer { scoresBuffer in
                        let s = scoresBuffer.baseAddress!
                        MatrixMultiplication.multiplyTransposed(
                            queries, lda: stride, queries + hidden, ldb: stride, into: s, ldc: length, m: length, n: length, k: headSize, alpha: scale
                        )
                        for row in 0..<length { VectorMath.softmax(s + row * length, count: length) }
                        MatrixMultiplication.multiply(
                            s, lda: length, queries + 2 * hidden, ldb: stride, into: output + sequence.lowerBound * hidden + head * headSize,
                            ldc: hidden, m: length, n: headSize, k: length
                        )
                    }
                }
            }
        }
        return context
    }
}
