import Foundation
import Testing

@testable import AWS

@Suite struct CredentialEnvironmentTests {
    @Test func environmentProviderReadsKeysAndSessionToken() async throws {
        let provider = try #require(try EnvironmentCredentialProvider.fromEnvironment([
            "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_SESSION_TOKEN": "token",
        ]))
        let credentials = try await provider.credentials()
        #expect(credentials == AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret", sessionToken: "token"))
    }

    @Test func anAccessKeyWithoutASecretIsAConfigurationError() throws {
        #expect(throws: AWSError.self) {
            try EnvironmentCredentialProvider.fromEnvironment(["AWS_ACCESS_KEY_ID": "AKID"])
        }
        #expect(try EnvironmentCredentialProvider.fromEnvironment([:]) == nil)
    }

    @Test func regionComesFromAWSRegionThenAWSDefaultRegion() throws {
        #expect(try AWSEndpointResolver(environment: ["AWS_REGION": "eu-west-1", "AWS_DEFAULT_REGION": "us-east-2"]).region() == "eu-west-1")
        #expect(try AWSEndpointResolver(environment: ["AWS_DEFAULT_REGION": "us-east-2"]).region() == "us-east-2")
        let error = #expect(throws: AWSError.self) { try AWSEndpointResolver(environment: [:]).region() }
        #expect(error?.message.contains("AWS_DEFAULT_REGION") == true)
    }

    @Test func endpointsHonourServiceSpecificThenGlobalOverrides() throws {
        let environment = [
            "AWS_ENDPOINT_URL": "http://localhost:4566/",
            "AWS_ENDPOINT_URL_BEDROCK_RUNTIME": "http://127.0.0.1:9000",
            "AWS_ENDPOINT_URL_OPENSEARCHSERVERLESS": "https://aoss.local",
        ]
        let resolver = AWSEndpointResolver(environment: environment)
        #expect(try resolver.endpoint(for: .bedrockRuntime, region: "us-east-1").absoluteString == "http://127.0.0.1:9000")
        #expect(try resolver.endpoint(for: .openSearchServerless, region: "us-east-1").absoluteString == "https://aoss.local")
        #expect(try resolver.endpoint(for: .kinesis, region: "us-east-1").absoluteString == "http://localhost:4566")
        let defaults = AWSEndpointResolver(environment: ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"].merging(environment) { a, _ in a })
        #expect(try defaults.endpoint(for: .eks, region: "eu-west-1").absoluteString == "https://eks.eu-west-1.amazonaws.com")
        #expect(try defaults.endpoint(for: .bedrockRuntime, region: "us-west-2").absoluteString
            == "https://bedrock-runtime.us-west-2.amazonaws.com")
    }

    @Test func serviceEnvironmentSuffixesFollowTheServiceID() {
        #expect([AWSService.kinesis, .eks, .sts, .bedrockRuntime, .openSearchServerless].map(\.environmentSuffix)
            == ["KINESIS", "EKS", "STS", "BEDROCK_RUNTIME", "OPENSEARCHSERVERLESS"])
    }

    @Test func aMalformedEndpointOverrideNamesTheVariable() {
        let error = #expect(throws: AWSError.self) {
            try AWSEndpointResolver(environment: ["AWS_ENDPOINT_URL_STS": "not a url"]).endpoint(for: .sts, region: "us-east-1")
        }
        #expect(error?.message.contains("AWS_ENDPOINT_URL_STS") == true)
    }

    @Test func theDefaultChainFailsClearlyWhenNothingIsConfigured() {
        let error = #expect(throws: AWSError.self) {
            try AWSCredentialProviderChain.default(environment: [:], transport: ScriptedTransport([]))
        }
        #expect(error?.code == .credentialsUnavailable)
        #expect(error?.message.contains("AWS_CONTAINER_CREDENTIALS_FULL_URI") == true)
    }

    @Test func theChainPrefersEnvironmentKeysOverPodIdentity() async throws {
        let provider = try AWSCredentialProviderChain.default(
            environment: [
                "AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "s",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://169.254.170.23/v1/credentials",
            ],
            transport: ScriptedTransport([]))
        #expect(try await provider.credentials().accessKeyID == "AKIDENV")
    }

    @Test func theChainFallsThroughToTheNextProviderWhenOneFails() async throws {
        struct Failing: AWSCredentialProvider {
            func credentials() async throws(AWSError) -> AWSCredentials {
                throw AWSError(code: .credentialsUnavailable, message: "nope")
            }
        }
        let chain = AWSCredentialProviderChain([Failing(), StaticCredentialProvider(.test)])
        #expect(try await chain.credentials() == .test)
    }

    @Test func containerProviderRefusesPlainHTTPToAnArbitraryHost() {
        #expect(throws: AWSError.self) {
            try ContainerCredentialProvider.fromEnvironment(
                ["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://example.com/creds"], transport: ScriptedTransport([]))
        }
        #expect(throws: Never.self) {
            try ContainerCredentialProvider.fromEnvironment(
                ["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://169.254.170.23/v1/credentials"], transport: ScriptedTransport([]))
        }
    }
}
