import Foundation
import Testing

@testable import AWS

@Suite struct AWSCredentialsTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    static let token = "IQoJb3JpZ2luX2VjSECRET-SESSION-TOKEN"
    let credentials = AWSCredentials(
        accessKeyID: "ASIAEXAMPLE", secretAccessKey: secret, sessionToken: token,
        expiration: Date(timeIntervalSince1970: 1_700_000_000))

    @Test func credentialsNeverPrintTheirSecretOrToken() {
        var dumped = ""
        dump(credentials, to: &dumped)
        let renderings = [
            credentials.description, credentials.debugDescription, "\(credentials)",
            String(describing: credentials), String(reflecting: credentials), dumped,
            "\([credentials])", "\(Optional(credentials) as Any)",
        ]
        for rendering in renderings {
            #expect(!rendering.contains(Self.secret), "secret printed in: \(rendering)")
            #expect(!rendering.contains(Self.token), "token printed in: \(rendering)")
            #expect(rendering.contains("<redacted>"))
            #expect(rendering.contains("ASIAEXAMPLE"))
        }
    }

    @Test func credentialsWithoutATokenSayNil() {
        let longTerm = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: Self.secret)
        #expect(longTerm.description
            == "AWSCredentials(accessKeyID: AKIDEXAMPLE, secretAccessKey: <redacted>, sessionToken: nil, expiration: nil)")
    }

    @Test func credentialsExpireAtTheirExpiration() throws {
        let expiration = try #require(credentials.expiration)
        #expect(!credentials.isExpired(at: expiration.addingTimeInterval(-1)))
        #expect(credentials.isExpired(at: expiration))
        #expect(!AWSCredentials(accessKeyID: "a", secretAccessKey: "b").isExpired(at: .distantFuture))
    }
}
