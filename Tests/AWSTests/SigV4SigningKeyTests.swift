import Foundation
import Testing

@testable import AWS

/// The examples in the AWS General Reference ("Signature Version 4 signing process").
@Suite struct SigV4SigningKeyTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    static let exampleTime = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z

    @Test func theSigningKeyMatchesTheDocumentedExample() {
        let key = SigV4SigningKey(secretAccessKey: Self.secret, date: "20150830", region: "us-east-1", service: "iam")
        #expect(key.hexEncoded == "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9")
    }

    @Test func theIAMListUsersRequestSignsAsDocumented() throws {
        let url = try #require(URL(string: "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08"))
        let request = try AWSRequest(
            method: "GET", url: url, headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")])
        let credentials = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: Self.secret)
        let signature = try SigV4Signer(service: "iam", region: "us-east-1")
            .signature(for: request, using: credentials, at: Self.exampleTime)
        #expect(signature.canonicalRequest.hash == "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59")
        #expect(signature.signature == "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7")
        #expect(signature.authorization == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date, "
            + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7")
    }

    @Test(arguments: [
        (1_440_938_160.0, "20150830T123600Z"),
        (0.0, "19700101T000000Z"),
        (1_709_251_199.999, "20240229T235959Z"),
        (1_735_689_600.0, "20250101T000000Z"),
        (4_107_542_400.0, "21000301T000000Z"),
        (-1.0, "19691231T235959Z"),
    ])
    func timestampsAreRenderedInUTCWithoutFractions(seconds: Double, expected: String) {
        let timestamp = SigV4Timestamp(Date(timeIntervalSince1970: seconds))
        #expect(timestamp.dateTime == expected)
        #expect(timestamp.date == String(expected.prefix(8)))
    }
}
