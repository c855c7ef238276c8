import Foundation
import KubernetesCore
import Testing

@Suite struct WatchFramingTests {
    static let events = [
        #"{"type":"ADDED","object":{"metadata":{"name":"a","resourceVersion":"1"},"data":{"k":"é"}}}"#,
        #"{"type":"MODIFIED","object":{"metadata":{"name":"a","resourceVersion":"2"}}}"#,
        #"{"type":"BOOKMARK","object":{"kind":"ConfigMap","metadata":{"resourceVersion":"7"}}}"#,
        #"{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","status":"Failure","message":"too old","reason":"Expired","code":410}}"#,
        #"{"type":"DELETED","object":{"metadata":{"name":"a","resourceVersion":"8"}}}"#,
    ]

    static var stream: [UInt8] { Array(events.joined(separator: "\n").appending("\n").utf8) }

    @Test(arguments: [1, 2, 3, 7, 64, 4096])
    func eventsSplitAcrossChunksOfAnySizeDecodeIdentically(chunkSize: Int) throws {
        var framer = LineFramer()
        var lines: [[UInt8]] = []
        var index = 0
        let bytes = Self.stream
        while index < bytes.count {
            let end = min(index + chunkSize, bytes.count)
            lines += try framer.append(bytes[index..<end])
            index = end
        }
        #expect(framer.finish() == nil)
        let decoded = try lines.map { try JSONDecoder().decode(WatchEvent<ConfigMap>.self, from: Data($0)) }
        #expect(decoded.map(\.typeName) == ["ADDED", "MODIFIED", "BOOKMARK", "ERROR", "DELETED"])
        guard case .added(let added) = decoded[0] else { Issue.record("first event is not ADDED"); return }
        #expect(added.data?["k"] == "é")
        guard case .bookmark(let version) = decoded[2] else { Issue.record("third event is not a bookmark"); return }
        #expect(version == "7")
        guard case .error(let status) = decoded[3] else { Issue.record("fourth event is not an error"); return }
        #expect(status.code == 410)
    }

    @Test func carriageReturnsAndBlankLinesAreDropped() throws {
        var framer = LineFramer()
        let lines = try framer.append(Array("a\r\n\r\nb\n".utf8))
        #expect(lines == [Array("a".utf8), Array("b".utf8)])
    }

    @Test func anUnterminatedLastLineIsReturnedAtTheEnd() throws {
        var framer = LineFramer()
        #expect(try framer.append(Array("{\"x\":1}\n{\"y\"".utf8)).count == 1)
        #expect(framer.finish() == Array("{\"y\"".utf8))
    }

    @Test func aLineLongerThanTheLimitThrowsInsteadOfGrowing() {
        var framer = LineFramer(maximumLineLength: 10)
        #expect(throws: KubernetesCoreError.self) { try framer.append(Array(repeating: UInt8(ascii: "x"), count: 11)) }
    }

    @Test func anUnknownEventTypeIsADecodingError() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(WatchEvent<ConfigMap>.self, from: Data(#"{"type":"RENAMED","object":{}}"#.utf8))
        }
    }
}
