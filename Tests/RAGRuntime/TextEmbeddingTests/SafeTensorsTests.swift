import Foundation
import Testing
import TextEmbedding

/// The safetensors reader on small files the tests write byte by byte, well-formed and not.
@Suite struct SafeTensorsTests {
    /// A file: the 8-byte little-endian header length, the header, the data.
    static func file(header: String, data: [UInt8]) -> Data {
        let headerBytes = Array(header.utf8)
        var bytes = withUnsafeBytes(of: UInt64(headerBytes.count).littleEndian) { Array($0) }
        bytes += headerBytes + data
        return Data(bytes)
    }

    static func bytes(_ floats: [Float]) -> [UInt8] {
        floats.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian) { Array($0) } }
    }

    @Test func readsF32TensorsByNameWithShapesAndMetadata() throws {
        let data = Self.bytes([1, 2, 3, 4, 5, 6]) + Self.bytes([-0.5])
        let header = #"{"__metadata__":{"format":"pt"},"w":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},"b":{"dtype":"F32","shape":[1],"data_offsets":[24,28]}}   "#
        let tensors = try SafeTensors(bytes: Self.file(header: header, data: data))
        #expect(tensors.metadata == ["format": "pt"])
        #expect(tensors.tensors["w"]?.shape == [2, 3])
        #expect(try tensors.floats("w", shape: [2, 3]) == [1, 2, 3, 4, 5, 6])
        #expect(try tensors.floats("b") == [-0.5])
    }

    @Test func widensF16AndBF16() throws {
        // 1.0, -2.0 and 65504 in binary16; 1.0 and -3.0 in bfloat16.
        let data: [UInt8] = [0x00, 0x3C, 0x00, 0xC0, 0xFF, 0x7B, 0x80, 0x3F, 0x40, 0xC0]
        let header = #"{"h":{"dtype":"F16","shape":[3],"data_offsets":[0,6]},"b":{"dtype":"BF16","shape":[2],"data_offsets":[6,10]}}"#
        let tensors = try SafeTensors(bytes: Self.file(header: header, data: data))
        #expect(try tensors.floats("h") == [1, -2, 65504])
        #expect(try tensors.floats("b") == [1, -3])
    }

    @Test func aWrongShapeAMissingTensorOrAnIntegerTensorIsAnError() throws {
        let header = #"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"i":{"dtype":"I64","shape":[1],"data_offsets":[8,16]}}"#
        let tensors = try SafeTensors(bytes: Self.file(header: header, data: Self.bytes([1, 2]) + [UInt8](repeating: 0, count: 8)))
        #expect(throws: TextEmbeddingError.tensorShapeMismatch(name: "w", expected: [1, 2], found: [2])) { try tensors.floats("w", shape: [1, 2]) }
        #expect(throws: TextEmbeddingError.tensorMissing(name: "x", path: "<memory>")) { try tensors.floats("x") }
        #expect(throws: TextEmbeddingError.tensorTypeUnsupported(name: "i", dtype: "I64")) { try tensors.floats("i") }
    }

    @Test(arguments: [
        ("short", Data([1, 2, 3])),
        ("header past the end", file(header: "{}", data: []).prefix(8) + Data([0x7B])),
        ("not JSON", file(header: "{oops", data: [])),
        ("not an object", file(header: "[1,2]", data: [])),
        ("unknown dtype", file(header: #"{"w":{"dtype":"F7","shape":[1],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0])),
        ("size mismatch", file(header: #"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0])),
        ("outside the data", file(header: #"{"w":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#, data: [0, 0, 0, 0])),
        ("negative shape", file(header: #"{"w":{"dtype":"F32","shape":[-1],"data_offsets":[0,0]}}"#, data: [])),
        ("overlap", file(header: #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0])),
    ])
    func malformedFilesAreRejectedWithAReason(_ name: String, _ bytes: Data) {
        #expect(name.isEmpty == false)
        #expect {
            _ = try SafeTensors(bytes: bytes, source: "test.safetensors")
        } throws: { error in
            guard case .safeTensorsMalformed(let path, let reason)? = error as? TextEmbeddingError else { return false }
            return path == "test.safetensors" && !reason.isEmpty
        }
    }

    @Test func theModelFileHoldsEveryTensorOfTheEncoder() throws {
        let tensors = try SafeTensors(contentsOf: try ModelFolder.checked().appending(path: "model.safetensors"))
        #expect(tensors.tensors["embeddings.word_embeddings.weight"]?.shape == [30522, 384])
        #expect(tensors.tensors["encoder.layer.5.output.dense.weight"]?.shape == [384, 1536])
    }
}
