/// The weights of a BERT encoder, laid out for the forward pass: every linear layer's matrix is
/// stored transposed (`in × out`, row-major) and the query, key and value projections are fused
/// into one `hidden × 3·hidden` matrix.
struct BertWeights: Sendable {
    /// A linear layer `y = x·W + b` with `W` of `inputs × outputs`, row-major.
    struct Linear: Sendable {
        var weight: [Float]
        var bias: [Float]
        var inputs: Int
        var outputs: Int
    }

    struct LayerNorm: Sendable {
        var gamma: [Float]
        var beta: [Float]
    }

    struct Layer: Sendable {
        var queryKeyValue: Linear
        var attentionOutput: Linear
        var attentionNorm: LayerNorm
        var intermediate: Linear
        var output: Linear
        var outputNorm: LayerNorm
    }

    var wordEmbeddings: [Float]
    var positionEmbeddings: [Float]
    var tokenTypeEmbeddings: [Float]
    var embeddingNorm: LayerNorm
    var layers: [Layer]

    /// Reads every tensor the encoder needs from `tensors`, checking each shape against `configuration`.
    init(_ tensors: SafeTensors, configuration c: BertConfiguration) throws {
        let hidden = c.hiddenSize
        func norm(_ prefix: String) throws -> LayerNorm {
            LayerNorm(gamma: try tensors.floats("\(prefix).weight", shape: [hidden]), beta: try tensors.floats("\(prefix).bias", shape: [hidden]))
        }
        /// PyTorch stores `out × in`; the forward pass wants `in × out`.
        func linear(_ prefixes: [String], inputs: Int, outputs: Int) throws -> Linear {
            var weight = [Float](repeating: 0, count: inputs * outputs * prefixes.count)
            var bias: [Float] = []
            let width = outputs * prefixes.count
            for (part, prefix) in prefixes.enumerated() {
                let stored = try tensors.floats("\(prefix).weight", shape: [outputs, inputs])
                for row in 0..<outputs {
                    for column in 0..<inputs { weight[column * width + part * outputs + row] = stored[row * inputs + column] }
                }
                bias += try tensors.floats("\(prefix).bias", shape: [outputs])
            }
            return Linear(weight: weight, bias: bias, inputs: inputs, outputs: width)
        }
        wordEmbeddings = try tensors.floats("embeddings.word_embeddings.weight", shape: [c.vocabularySize, hidden])
        positionEmbeddings = try tensors.floats("embeddings.position_embeddings.weight", shape: [c.maximumPositions, hidden])
        tokenTypeEmbeddings = try tensors.floats("embeddings.token_type_embeddings.weight", shape: [c.typeVocabularySize, hidden])
        embeddingNorm = try norm("embeddings.LayerNorm")
        layers = try (0..<c.layerCount).map { index in
            let prefix = "encoder.layer.\(index)"
            return Layer(
                queryKeyValue: try linear(
                    ["\(prefix).attention.self.query", "\(prefix).attention.self.key", "\(prefix).attention.self.value"],
                    inputs: hidden, outputs: hidden
                ),
                attentionOutput: try linear(["\(prefix).attention.output.dense"], inputs: hidden, outputs: hidden),
                attentionNorm: try norm("\(prefix).attention.output.LayerNorm"),
                intermediate: try linear(["\(prefix).intermediate.dense"], inputs: hidden, outputs: c.intermediateSize),
                output: try linear(["\(prefix).output.dense"], inputs: c.intermediateSize, outputs: hidden),
                outputNorm: try norm("\(prefix).output.LayerNorm")
            )
        }
    }
}
