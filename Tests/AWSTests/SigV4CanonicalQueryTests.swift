import Foundation
import Testing

@testable import AWS

@Suite struct SigV4CanonicalQueryTests {
    @Test func noItemsGiveAnEmptyLine() {
        #expect(SigV4CanonicalRequest.canonicalQuery([]) == "")
    }

    @Test func itemsSortByEncodedNameThenValueAndRepeatedNamesAreKept() {
        let items: [AWSRequest.QueryItem] = [("h", "index"), ("b", "2"), ("h", "health"), ("a", ""), ("A", "1"), ("h", "docs")]
        #expect(SigV4CanonicalRequest.canonicalQuery(items) == "A=1&a=&b=2&h=docs&h=health&h=index")
    }

    @Test func sortingUsesTheEncodedBytesNotTheDecodedText() {
        // "%" (0x25) sorts before "-" (0x2D), so the encoded space comes first.
        let items: [AWSRequest.QueryItem] = [("a-b", "1"), ("a b", "2"), ("a_b", "3"), ("a~b", "4"), ("a.b", "5")]
        #expect(SigV4CanonicalRequest.canonicalQuery(items) == "a%20b=2&a-b=1&a.b=5&a_b=3&a~b=4")
    }

    @Test func onlyUnreservedCharactersAreLeftUnencoded() {
        let items: [AWSRequest.QueryItem] = [("q", "a=b&c/d+e f*g~h:i,j;k!'()%"), ("ключ", "\u{1F600}")]
        #expect(SigV4CanonicalRequest.canonicalQuery(items)
            == "%D0%BA%D0%BB%D1%8E%D1%87=%F0%9F%98%80&q=a%3Db%26c%2Fd%2Be%20f%2Ag~h%3Ai%2Cj%3Bk%21%27%28%29%25")
    }

    @Test func aWireQueryIsDecodedSoThatItIsNotEncodedTwice() throws {
        let url = try #require(URL(string: "https://example.com/?b=x%20y&a=1%2B1&flag&c=+"))
        let request = try AWSRequest(method: "GET", url: url)
        #expect(request.queryItems.map { "\($0.name)|\($0.value)" } == ["b|x y", "a|1+1", "flag|", "c|+"])
        #expect(SigV4CanonicalRequest.canonicalQuery(request.queryItems) == "a=1%2B1&b=x%20y&c=%2B&flag=")
    }
}
