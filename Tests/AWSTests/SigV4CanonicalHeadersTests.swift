import Testing

@testable import AWS

@Suite struct SigV4CanonicalHeadersTests {
    @Test(arguments: [
        ("  a  ", "a"),
        ("a   b\t\tc", "a b c"),
        ("\tleading and trailing\t ", "leading and trailing"),
        ("line\r\nbreak", "line break"),
        ("", ""),
        ("   ", ""),
        ("\"quoted  text\"", "\"quoted text\""),
    ])
    func valuesAreTrimmedAndInnerWhitespaceFolded(value: String, expected: String) {
        #expect(SigV4CanonicalRequest.foldWhitespace(value) == expected)
    }

    @Test func namesAreLowercasedSortedAndRepeatedValuesJoinedInOrder() {
        let canonical = SigV4CanonicalRequest.canonicalHeaders([
            ("X-Custom", " one "), ("Content-Type", "application/json"), ("x-custom", "two  words"),
            ("Host", "example.com"), ("X-CUSTOM", ""),
        ])
        #expect(canonical.headers == "content-type:application/json\nhost:example.com\nx-custom:one,two words,")
        #expect(canonical.signedHeaders == "content-type;host;x-custom")
    }

    @Test func hostIsAddedFromTheURLAndUnsignedHeadersAreLeftOut() throws {
        let request = AWSRequest(
            host: "Search.Example.COM", port: 9200,
            headers: [("User-Agent", "rag"), ("X-Amzn-Trace-Id", "Root=1"), ("Connection", "keep-alive"), ("Accept", "*/*")])
        let fields = SigV4CanonicalRequest.headerFieldsToSign(request)
        #expect(fields.map(\.name) == ["Accept", "host"])
        #expect(fields.last?.value == "search.example.com:9200")
    }

    @Test(arguments: [
        ("https", 443, "example.com"), ("https", 8443, "example.com:8443"),
        ("http", 80, "example.com"), ("http", 443, "example.com:443"),
    ])
    func theHostHeaderCarriesThePortOnlyWhenItIsNotTheDefault(scheme: String, port: Int, expected: String) {
        #expect(AWSRequest(scheme: scheme, host: "example.com", port: port).hostHeaderValue == expected)
    }

    @Test func anExplicitHostHeaderIsSignedInsteadOfTheURLHost() {
        let request = AWSRequest(host: "10.0.0.1", headers: [("Host", "search.example.com")])
        let fields = SigV4CanonicalRequest.headerFieldsToSign(request)
        #expect(fields.map(\.value) == ["search.example.com"])
    }
}
