import Foundation
import Testing

@testable import AWS

/// Our signer against botocore's, on every vector in `Fixtures/sigv4-botocore.json`.
@Suite struct SigV4BotocoreVectorTests {
    @Test func theFixtureHoldsAtLeastFortyUniquelyNamedVectorsOfBothKinds() throws {
        let vectors = try SigV4Vectors.load()
        #expect(vectors.count >= 40)
        #expect(Set(vectors.map(\.name)).count == vectors.count)
        #expect(vectors.contains { $0.presignExpires != nil })
        #expect(Set(vectors.map(\.service)).isSuperset(of: ["kinesis", "bedrock", "aoss", "es", "eks", "sts"]))
    }

    @Test(arguments: try SigV4Vectors.load().filter { $0.presignExpires == nil })
    func headerSigningMatchesBotocore(_ vector: SigV4Vector) throws {
        let original = try vector.request()
        let signature = try vector.signer.signature(for: original, using: vector.awsCredentials, at: vector.date)
        #expect(signature.canonicalRequest.text == vector.expected.canonicalRequest, "canonical request of \(vector.name)")
        #expect(signature.stringToSign == vector.expected.stringToSign, "string to sign of \(vector.name)")

        var signed = original
        try vector.signer.sign(&signed, using: vector.awsCredentials, at: vector.date)
        #expect(signed.headerValues(named: "Authorization") == [vector.expected.authorization ?? "<missing>"],
                "Authorization of \(vector.name)")
        for (name, value) in vector.expected.signingHeaders ?? [:] {
            #expect(signed.headerValues(named: name) == [value], "\(name) of \(vector.name)")
        }
        let added = Set(["authorization", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256"])
        let untouched = signed.headers.filter { !added.contains($0.name.lowercased()) }
        #expect(untouched.map { "\($0.name): \($0.value)" } == original.headers.map { "\($0.name): \($0.value)" },
                "other headers of \(vector.name) kept as they were")
        #expect(signed.body == original.body)
    }

    @Test(arguments: try SigV4Vectors.load().filter { $0.presignExpires != nil })
    func presignedURLMatchesBotocore(_ vector: SigV4Vector) throws {
        let request = try vector.request()
        let expires = try #require(vector.presignExpires)
        let presigned = try vector.signer.presign(request, using: vector.awsCredentials, at: vector.date, expiresIn: expires)
        #expect(presigned.signature.canonicalRequest.text == vector.expected.canonicalRequest,
                "canonical request of \(vector.name)")
        #expect(presigned.signature.stringToSign == vector.expected.stringToSign, "string to sign of \(vector.name)")
        let url = try vector.signer.presignedURL(for: request, using: vector.awsCredentials, at: vector.date, expiresIn: expires)
        #expect(url.absoluteString == vector.expected.url, "presigned URL of \(vector.name)")
    }
}
