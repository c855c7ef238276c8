import Testing

@testable import AWS

@Suite struct SigV4CanonicalURITests {
    @Test(arguments: [
        ("", "/"),
        ("/", "/"),
        ("/rag-index/_search", "/rag-index/_search"),
        ("/rag%20index/_doc/1", "/rag%2520index/_doc/1"),
        ("/a%2Fb", "/a%252Fb"),
        ("/a+b", "/a%2Bb"),
        ("/urn:isbn:1", "/urn%3Aisbn%3A1"),
        ("/caf%C3%A9", "/caf%25C3%25A9"),
        ("//rag-index//_search", "/rag-index/_search"),
        ("/a/./b/../c", "/a/c"),
        ("/../../a", "/a"),
        ("/./", "/"),
        ("/a/", "/a/"),
        ("/a/b/..", "/a"),
        ("/unreserved-._~", "/unreserved-._~"),
    ])
    func everyServiceButS3NormalisesAndEncodesTheWirePathAgain(path: String, expected: String) {
        #expect(SigV4CanonicalRequest.canonicalURI(percentEncodedPath: path, service: "es") == expected)
    }

    @Test(arguments: [
        ("/bucket/a%20b", "/bucket/a%20b"),
        ("/bucket//a/./b/../c", "/bucket//a/./b/../c"),
        ("/bucket/a%2Fb/", "/bucket/a%2Fb/"),
        ("", "/"),
    ])
    func s3SignsTheWirePathAsItIs(path: String, expected: String) {
        #expect(SigV4CanonicalRequest.canonicalURI(percentEncodedPath: path, service: "s3") == expected)
    }

    @Test func aDecodedPathIsEncodedOnceForTheWireAndTwiceForTheSignature() {
        let request = AWSRequest(host: "example.com", path: "/my index/caf\u{E9}/a+b:c")
        #expect(request.percentEncodedPath == "/my%20index/caf%C3%A9/a%2Bb%3Ac")
        #expect(SigV4CanonicalRequest.canonicalURI(percentEncodedPath: request.percentEncodedPath, service: "aoss")
            == "/my%2520index/caf%25C3%25A9/a%252Bb%253Ac")
    }
}
