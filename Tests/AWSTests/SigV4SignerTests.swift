import Foundation
import Testing

@testable import AWS

@Suite struct SigV4SignerTests {
    let now = Date(timeIntervalSince1970: 1_714_566_896)  // 2024-05-01T12:34:56Z
    let credentials = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    let temporary = AWSCredentials(accessKeyID: "ASIAEXAMPLE", secretAccessKey: "secret", sessionToken: "token")

    @Test func signingAddsTheDateTokenAndAuthorizationHeadersInOrder() throws {
        var request = AWSRequest(method: "POST", host: "kinesis.eu-west-1.amazonaws.com", headers: [("Content-Type", "a/b")])
        try SigV4Signer(service: "kinesis", region: "eu-west-1").sign(&request, using: temporary, at: now)
        #expect(request.headers.map(\.name) == ["Content-Type", "X-Amz-Date", "X-Amz-Security-Token", "Authorization"])
        #expect(request.headerValue(named: "x-amz-date") == "20240501T123456Z")
        #expect(request.headerValue(named: "x-amz-security-token") == "token")
    }

    @Test func signingTwiceReplacesTheEarlierSignature() throws {
        let signer = SigV4Signer(service: "es", region: "eu-west-1")
        var once = AWSRequest(host: "search.example.com", path: "/rag/_search")
        try signer.sign(&once, using: temporary, at: now.addingTimeInterval(-60))
        var twice = once
        try signer.sign(&twice, using: credentials, at: now)
        var fresh = AWSRequest(host: "search.example.com", path: "/rag/_search")
        try signer.sign(&fresh, using: credentials, at: now)
        #expect(twice.headers.map { "\($0.name): \($0.value)" } == fresh.headers.map { "\($0.name): \($0.value)" })
    }

    @Test func theContentHashHeaderIsAddedOnlyWhenAskedOrUnsigned() throws {
        let body = Data("{}".utf8)
        let hash = "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
        var plain = AWSRequest(method: "POST", host: "h.example.com", body: body)
        try SigV4Signer(service: "es", region: "r").sign(&plain, using: credentials, at: now)
        #expect(plain.headerValue(named: "x-amz-content-sha256") == nil)

        var asked = AWSRequest(method: "POST", host: "h.example.com", body: body)
        let aoss = SigV4Signer(service: "aoss", region: "r", options: .init(addsContentSHA256Header: true))
        try aoss.sign(&asked, using: credentials, at: now)
        #expect(asked.headerValue(named: "x-amz-content-sha256") == hash)
        #expect(try aoss.signature(for: asked, using: credentials, at: now).canonicalRequest.payloadHash == hash)

        var unsigned = AWSRequest(method: "PUT", host: "h.example.com", body: body, payloadHash: .unsigned)
        try SigV4Signer(service: "es", region: "r").sign(&unsigned, using: credentials, at: now)
        #expect(unsigned.headerValue(named: "x-amz-content-sha256") == "UNSIGNED-PAYLOAD")
    }

    @Test func aPrecomputedPayloadHashIsSignedInsteadOfTheBody() throws {
        let request = AWSRequest(method: "PUT", host: "h.example.com", body: Data("ignored".utf8), payloadHash: .precomputed("abc123"))
        let signature = try SigV4Signer(service: "es", region: "r").signature(for: request, using: credentials, at: now)
        #expect(signature.canonicalRequest.payloadHash == "abc123")
    }

    @Test func expiredCredentialsAreRefused() {
        let expired = AWSCredentials(accessKeyID: "a", secretAccessKey: "b", expiration: now)
        var request = AWSRequest(host: "h.example.com")
        #expect(throws: SigV4Error.credentialsExpired(expiration: now, signingTime: now)) {
            try SigV4Signer(service: "es", region: "r").sign(&request, using: expired, at: now)
        }
        #expect(request.headers.isEmpty)
    }

    @Test(arguments: [0, -1, 604_801])
    func presignedLifetimesOutsideSevenDaysAreRefused(seconds: Int) {
        #expect(throws: SigV4Error.invalidExpiry(seconds: seconds)) {
            try SigV4Signer(service: "sts", region: "us-east-1")
                .presignedURL(for: AWSRequest(host: "sts.amazonaws.com"), using: credentials, at: now, expiresIn: seconds)
        }
    }

    @Test func presigningReplacesEarlierSigningParameters() throws {
        let signer = SigV4Signer(service: "sts", region: "us-east-1")
        let request = AWSRequest(host: "sts.amazonaws.com", queryItems: [("Action", "GetCallerIdentity")])
        let first = try signer.presign(request, using: temporary, at: now, expiresIn: 60).request
        let again = try signer.presign(first, using: credentials, at: now, expiresIn: 60).request
        let fresh = try signer.presign(request, using: credentials, at: now, expiresIn: 60).request
        #expect(try again.url == fresh.url)
        #expect(!(try fresh.url.absoluteString.contains("X-Amz-Security-Token")))
    }

    @Test func s3PresignsAnUnsignedPayloadAndKeepsTheWirePath() throws {
        let request = AWSRequest(host: "bucket.s3.amazonaws.com", path: "/my file.txt")
        let presigned = try SigV4Signer(service: "s3", region: "us-east-1")
            .presign(request, using: credentials, at: now, expiresIn: 300)
        #expect(presigned.signature.canonicalRequest.payloadHash == "UNSIGNED-PAYLOAD")
        #expect(presigned.signature.canonicalRequest.uri == "/my%20file.txt")
    }
}
