import Foundation
import Testing

@testable import AWS

@Suite struct WebIdentityCredentialProviderTests {
    static let response = """
        <AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <AssumeRoleWithWebIdentityResult>
            <SubjectFromWebIdentityToken>system:serviceaccount:rag:query</SubjectFromWebIdentityToken>
            <Credentials>
              <SessionToken>FwoGZXIvYXdzEXAMPLE</SessionToken>
              <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY</SecretAccessKey>
              <Expiration>2025-06-15T16:06:40Z</Expiration>
              <AccessKeyId>ASIAWEBIDENTITY</AccessKeyId>
            </Credentials>
          </AssumeRoleWithWebIdentityResult>
          <ResponseMetadata><RequestId>ad4156e9-bce1-11e2-82e6-6b6efEXAMPLE</RequestId></ResponseMetadata>
        </AssumeRoleWithWebIdentityResponse>
        """

    @Test func assumesTheRoleWithTheTokenFileUnsignedAndParsesTheXML() async throws {
        let tokenFile = FileManager.default.temporaryDirectory.appendingPathComponent("web-identity-\(UUID())")
        try "eyJhbGciOiJSUzI1NiJ9.token\n".write(to: tokenFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: tokenFile) }
        let transport = ScriptedTransport([ScriptedTransport.ok(Self.response)])
        let provider = try #require(try WebIdentityCredentialProvider.fromEnvironment([
            "AWS_ROLE_ARN": "arn:aws:iam::111122223333:role/rag-query", "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile.path,
            "AWS_ROLE_SESSION_NAME": "query-0", "AWS_REGION": "eu-west-1",
        ], transport: transport))
        let credentials = try await provider.credentials()
        #expect(credentials.accessKeyID == "ASIAWEBIDENTITY")
        #expect(credentials.sessionToken == "FwoGZXIvYXdzEXAMPLE")
        #expect(credentials.expiration == Date(timeIntervalSince1970: 1_750_003_600))
        let request = try #require(transport.requests.first)
        #expect(request.host == "sts.eu-west-1.amazonaws.com")
        #expect(request.headerValue(named: "Authorization") == nil)
        let body = String(decoding: request.body, as: UTF8.self)
        #expect(body == "Action=AssumeRoleWithWebIdentity&Version=2011-06-15"
            + "&RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Frag-query&RoleSessionName=query-0"
            + "&WebIdentityToken=eyJhbGciOiJSUzI1NiJ9.token")
    }

    @Test func stsErrorsBecomeCredentialErrorsWithTheSTSCode() async throws {
        let tokenFile = FileManager.default.temporaryDirectory.appendingPathComponent("web-identity-\(UUID())")
        try "token".write(to: tokenFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: tokenFile) }
        let xml = "<ErrorResponse><Error><Code>ExpiredTokenException</Code><Message>expired</Message></Error></ErrorResponse>"
        let transport = ScriptedTransport([.success(AWSHTTPResponse(status: 400, body: Data(xml.utf8)))])
        let provider = try #require(try WebIdentityCredentialProvider.fromEnvironment([
            "AWS_ROLE_ARN": "arn:aws:iam::1:role/r", "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile.path,
        ], transport: transport))
        let error = await #expect(throws: AWSError.self) { try await provider.credentials() }
        #expect(error?.code == .credentialsUnavailable)
        #expect(error?.errorCode == "ExpiredTokenException")
        #expect(transport.requests.first?.host == "sts.amazonaws.com")
    }
}
