import Foundation
import Testing

@testable import AWS

@Suite struct AWSHTTPClientRetryTests {
    let sleeps = SleepRecorder()

    func client(_ transport: ScriptedTransport, attempts: Int = 3, random: Double = 0.5, quota: RetryQuota = RetryQuota())
        -> AWSHTTPClient
    {
        AWSHTTPClient(
            service: .kinesis, region: "us-east-1", endpoint: URL(string: "https://kinesis.us-east-1.amazonaws.com")!,
            credentialProvider: StaticCredentialProvider(.test), transport: transport,
            retryStrategy: AWSRetryStrategy(
                maximumAttempts: attempts, quota: quota, random: { random }, sleep: sleeps.closure),
            now: { Date(timeIntervalSince1970: 1_750_000_000) })
    }

    @Test(arguments: ["ThrottlingException", "ProvisionedThroughputExceededException", "TooManyRequestsException"])
    func throttlingErrorCodesAreRetriedUntilSuccess(code: String) async throws {
        let transport = ScriptedTransport([ScriptedTransport.awsError(400, code), ScriptedTransport.ok(#"{"a":1}"#)])
        let response = try await client(transport).send(client(transport).request(method: "POST"))
        #expect(response.status == 200)
        #expect(transport.requests.count == 2)
        #expect(sleeps.recorded == [.milliseconds(500)])
    }

    @Test func http429And5xxAndConnectionErrorsAreRetried() async throws {
        let transport = ScriptedTransport([
            ScriptedTransport.awsError(429, "Whatever"), .failure(URLError(.networkConnectionLost)),
            ScriptedTransport.awsError(503, "ServiceUnavailable"), ScriptedTransport.ok(),
        ])
        _ = try await client(transport, attempts: 4).send(client(transport).request(method: "POST"))
        #expect(transport.requests.count == 4)
    }

    @Test func aClientErrorIsNotRetriedAndCarriesCodeStatusAndRequestID() async throws {
        let transport = ScriptedTransport([ScriptedTransport.awsError(400, "ResourceNotFoundException", requestID: "rid-42")])
        let error = await #expect(throws: AWSError.self) {
            try await client(transport).send(client(transport).request(method: "POST"))
        }
        #expect(transport.requests.count == 1)
        #expect(error?.errorCode == "ResourceNotFoundException")
        #expect(error?.statusCode == 400)
        #expect(error?.requestID == "rid-42")
        #expect(error?.isNotFound == true)
        #expect(error?.reason == "serviceError")
        #expect(sleeps.recorded.isEmpty)
    }

    @Test func retriesStopAtTheMaximumAttemptsAndReportTheLastError() async throws {
        let transport = ScriptedTransport(Array(repeating: ScriptedTransport.awsError(500, "InternalFailure"), count: 5))
        let error = await #expect(throws: AWSError.self) {
            try await client(transport).send(client(transport).request(method: "POST"))
        }
        #expect(transport.requests.count == 3)
        #expect(error?.attempts == 3)
        #expect(sleeps.recorded == [.milliseconds(500), .seconds(1)])
    }

    @Test func anEmptyRetryQuotaStopsRetries() async throws {
        let quota = RetryQuota(capacity: 5)
        let transport = ScriptedTransport(Array(repeating: ScriptedTransport.awsError(503, "X"), count: 5))
        _ = await #expect(throws: AWSError.self) {
            try await client(transport, attempts: 5, quota: quota).send(client(transport).request(method: "POST"))
        }
        #expect(transport.requests.count == 2)
        #expect(quota.available == 0)
    }

    @Test func fullJitterStaysUnderTheExponentialCeilingAndTheCap() {
        for random in [0.0, 0.25, 0.999_999] {
            let strategy = AWSRetryStrategy(random: { random })
            for retry in 1...10 {
                let ceiling = min(Duration.seconds(20), .seconds(1) * (1 << (retry - 1)))
                let delay = strategy.delay(beforeRetry: retry)
                #expect(delay >= .zero && delay <= ceiling)
                #expect(delay == ceiling * random)
            }
        }
    }

    @Test func everyAttemptIsSignedAndTheJSONErrorTypeIsStrippedOfItsNamespace() async throws {
        let transport = ScriptedTransport([
            .success(AWSHTTPResponse(
                status: 400, headers: [("x-amzn-ErrorType", "ValidationException:http://internal.amazon.com/coral/")],
                body: Data(#"{"__type":"com.amazonaws#Other","Message":"bad"}"#.utf8))),
        ])
        let error = await #expect(throws: AWSError.self) {
            try await client(transport).send(client(transport).request(method: "POST"))
        }
        #expect(error?.errorCode == "ValidationException")
        #expect(error?.message == "bad")
        let authorization = try #require(transport.requests.first?.headerValue(named: "Authorization"))
        #expect(authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDTEST/20250615/us-east-1/kinesis/aws4_request"))
    }

    @Test func queryProtocolXMLErrorsGiveCodeMessageAndRequestID() {
        let xml = """
            <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <Error><Type>Sender</Type><Code>InvalidIdentityToken</Code><Message>No OpenIDConnect provider</Message></Error>
              <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>
            </ErrorResponse>
            """
        let error = AWSError.fromResponse(AWSHTTPResponse(status: 400, body: Data(xml.utf8)))
        #expect(error.errorCode == "InvalidIdentityToken")
        #expect(error.message == "No OpenIDConnect provider")
        #expect(error.requestID == "c6104cbe-af31-11e0-8154-cbc7ccf896c7")
        #expect(!error.isRetryable)
    }
}
