import Foundation
import Testing

@testable import AWS

/// One request signed by botocore, as `Fixtures/sigv4-botocore.json` stores it.
struct SigV4Vector: Decodable, Sendable, CustomTestStringConvertible {
    struct Credentials: Decodable, Sendable {
        var accessKeyID: String
        var secretAccessKey: String
        var sessionToken: String?
    }

    struct Components: Decodable, Sendable {
        var scheme: String
        var host: String
        var port: Int?
        var path: String
        var query: [[String]]
    }

    struct Expected: Decodable, Sendable {
        var canonicalRequest: String
        var stringToSign: String
        var authorization: String?
        var signingHeaders: [String: String]?
        var url: String?
    }

    var name: String
    var service: String
    var region: String
    var method: String
    var epochSeconds: Int
    var credentials: Credentials
    var url: String?
    var components: Components?
    var headers: [[String]]
    var body: String?
    var bodyRepeat: String?
    var bodyLength: Int?
    var payload: String
    var contentSHA256Header: Bool
    var presignExpires: Int?
    var expected: Expected

    var testDescription: String { name }

    var date: Date { Date(timeIntervalSince1970: TimeInterval(epochSeconds)) }

    var signer: SigV4Signer {
        SigV4Signer(service: service, region: region, options: .init(addsContentSHA256Header: contentSHA256Header))
    }

    var awsCredentials: AWSCredentials {
        AWSCredentials(
            accessKeyID: credentials.accessKeyID, secretAccessKey: credentials.secretAccessKey,
            sessionToken: credentials.sessionToken)
    }

    /// The request the vector describes, built from its URL or from its decoded parts.
    func request() throws -> AWSRequest {
        let headerFields = headers.map { (name: $0[0], value: $0[1]) }
        let bodyBytes = try bodyData()
        let payloadHash: AWSRequest.PayloadHash = payload == "unsigned" ? .unsigned : .computed
        if let url {
            let parsed = try #require(URL(string: url), "vector \(name) has an unparseable URL")
            return try AWSRequest(method: method, url: parsed, headers: headerFields, body: bodyBytes, payloadHash: payloadHash)
        }
        let parts = try #require(components, "vector \(name) has neither url nor components")
        return AWSRequest(
            method: method, scheme: parts.scheme, host: parts.host, port: parts.port, path: parts.path,
            queryItems: parts.query.map { (name: $0[0], value: $0[1]) }, headers: headerFields,
            body: bodyBytes, payloadHash: payloadHash)
    }

    private func bodyData() throws -> Data {
        if let bodyRepeat, let bodyLength {
            let unit = Array(bodyRepeat.utf8)
            try #require(unit.count == 1, "vector \(name): bodyRepeat must be one byte")
            return Data(repeating: unit[0], count: bodyLength)
        }
        return Data((body ?? "").utf8)
    }
}

/// The vectors in the committed fixture.
enum SigV4Vectors {
    struct Document: Decodable {
        var vectors: [SigV4Vector]
    }

    static var fixturesDirectory: URL {
        get throws {
            try #require(
                Bundle.module.url(forResource: "Fixtures", withExtension: nil),
                "the AWSTests bundle has no Fixtures folder; is `resources: [.copy(\"Fixtures\")]` set?")
        }
    }

    static var fixtureURL: URL {
        get throws { try fixturesDirectory.appendingPathComponent("sigv4-botocore.json") }
    }

    static func load() throws -> [SigV4Vector] {
        try JSONDecoder().decode(Document.self, from: Data(contentsOf: fixtureURL)).vectors
    }
}
