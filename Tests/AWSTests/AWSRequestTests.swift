import Foundation
import Testing

@testable import AWS

@Suite struct AWSRequestTests {
    @Test func aURLKeepsItsWirePathAndDecodesItsQuery() throws {
        let url = try #require(URL(string: "https://Search.Example.com:9200//a%2Fb/./c+d?x=%E2%9C%93&y"))
        let request = try AWSRequest(method: "GET", url: url)
        #expect(request.scheme == "https")
        #expect(request.host == "Search.Example.com")
        #expect(request.port == 9200)
        #expect(request.percentEncodedPath == "//a%2Fb/./c+d")
        #expect(request.queryItems.map { "\($0.name)=\($0.value)" } == ["x=\u{2713}", "y="])
        #expect(request.hostHeaderValue == "search.example.com:9200")
    }

    @Test func theURLIsRebuiltWithTheQueryEncodedInOrder() throws {
        let request = AWSRequest(host: "example.com", port: 8443, path: "/a b", queryItems: [("z", "1 2"), ("a", "")])
        #expect(try request.url.absoluteString == "https://example.com:8443/a%20b?z=1%202&a=")
    }

    @Test func anIPv6HostIsBracketed() {
        let request = AWSRequest(host: "::1", port: 9200)
        #expect(request.host == "[::1]")
        #expect(request.hostHeaderValue == "[::1]:9200")
    }

    @Test func aURLWithoutAHostIsRejected() throws {
        let url = try #require(URL(string: "/relative/path"))
        #expect(throws: SigV4Error.invalidURL("/relative/path")) {
            try AWSRequest(method: "GET", url: url)
        }
    }

    @Test func aQueryEscapeThatIsNotUTF8IsRejected() throws {
        let url = try #require(URL(string: "https://example.com/?bad=%FF"))
        #expect(throws: SigV4Error.invalidPercentEncoding("%FF")) {
            try AWSRequest(method: "GET", url: url)
        }
    }

    @Test func headersAreReadAndReplacedCaseInsensitively() {
        var request = AWSRequest(host: "example.com", headers: [("X-A", "1"), ("Accept", "*/*"), ("x-a", "2")])
        #expect(request.headerValues(named: "X-a") == ["1", "2"])
        request.setHeader("X-A", "3")
        #expect(request.headers.map(\.name) == ["Accept", "X-A"])
        #expect(request.headerValue(named: "x-a") == "3")
        request.removeHeaders(named: "ACCEPT")
        #expect(request.headerValue(named: "accept") == nil)
    }
}
