import AWS
import Foundation
import Testing

@Suite struct BedrockRuntimeClientTests {
    let sleeps = SleepRecorder()

    func bedrock(_ endpoint: URL) -> BedrockRuntimeClient {
        BedrockRuntimeClient(http: .forTests(.bedrockRuntime, endpoint: endpoint, sleeps: sleeps))
    }

    @Test func titanPostsOneTextToTheEncodedModelPathSignedAsBedrock() async throws {
        let handler = LoopbackRecorder { _, _ in LoopbackRecorder.json(#"{"embedding":[0.5,0.25],"inputTextTokenCount":3}"#) }
        let vector = try await handler.withServer { try await bedrock($0).titanEmbed(text: "brake fault", dimensions: 2) }
        #expect(vector == [0.5, 0.25])
        let request = try #require(handler.requests.first)
        #expect(request.method == "POST")
        #expect(request.percentEncodedPath == "/model/amazon.titan-embed-text-v2%3A0/invoke")
        #expect(request.jsonBody == ["inputText": "brake fault", "dimensions": 2, "normalize": true])
        #expect(request.headerValue(named: "Content-Type") == "application/json")
        let authorization = try #require(request.headerValue(named: "Authorization"))
        #expect(authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDTEST/20250615/us-east-1/bedrock/aws4_request"))
        #expect(try request.expectedAuthorization(service: .bedrockRuntime) == authorization)
    }

    @Test func aModelARNStaysOnePathSegmentAsBotocoreEncodesLabels() throws {
        let http = AWSHTTPClient.forTests(.bedrockRuntime, endpoint: URL(string: "https://bedrock-runtime.us-east-1.amazonaws.com")!, sleeps: sleeps)
        let request = BedrockRuntimeClient(http: http).invokeModelRequest(
            modelId: "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.cohere.embed-english-v3", body: Data())
        #expect(request.percentEncodedPath
            == "/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Ainference-profile%2Fus.cohere.embed-english-v3/invoke")
    }

    @Test func twoHundredCohereTextsGoInThreeCallsAndKeepTheirOrder() async throws {
        // Each text "t<n>" embeds as [n]; calls alternate between the two response shapes.
        let handler = LoopbackRecorder { request, position in
            let texts = request.jsonBody?["texts"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let vectors = texts.map { "[\($0.dropFirst())]" }.joined(separator: ",")
            return LoopbackRecorder.json(position.isMultiple(of: 2)
                ? #"{"id":"x","response_type":"embeddings_floats","embeddings":[\#(vectors)]}"#
                : #"{"id":"x","response_type":"embeddings_by_type","embeddings":{"float":[\#(vectors)]}}"#)
        }
        let texts = (0..<200).map { "t\($0)" }
        let vectors = try await handler.withServer { try await bedrock($0).cohereEmbed(texts: texts, inputType: .searchDocument) }
        #expect(vectors == (0..<200).map { [Float($0)] })
        let bodies = handler.requests.compactMap(\.jsonBody)
        #expect(bodies.map { $0["texts"]?.arrayValue?.count } == [96, 96, 8])
        #expect(bodies[2]["texts"]?.arrayValue?.first == "t192")
        #expect(bodies.allSatisfy { $0["input_type"] == "search_document" && $0["truncate"] == "END" && $0["embedding_types"] == ["float"] })
        #expect(handler.requests.allSatisfy { $0.percentEncodedPath == "/model/cohere.embed-english-v3/invoke" })
    }

    @Test(arguments: [
        #"{"embeddings":[[1.0,2.0],[3.0,4.0]],"response_type":"embeddings_floats"}"#,
        #"{"embeddings":{"float":[[1.0,2.0],[3.0,4.0]]},"response_type":"embeddings_by_type"}"#,
    ])
    func bothCohereResponseShapesDecode(response: String) async throws {
        let handler = LoopbackRecorder { _, _ in LoopbackRecorder.json(response) }
        let vectors = try await handler.withServer {
            try await bedrock($0).cohereEmbed(texts: ["a", "b"], inputType: .searchQuery, truncate: .none)
        }
        #expect(vectors == [[1, 2], [3, 4]])
        #expect(handler.requests.first?.jsonBody?["input_type"] == "search_query")
        #expect(handler.requests.first?.jsonBody?["truncate"] == "NONE")
    }

    @Test func aThrottledCallIsRetriedByTheHTTPLayer() async throws {
        let handler = LoopbackRecorder { _, position in
            position == 0
                ? LoopbackRecorder.json(#"{"message":"Too many requests, please wait"}"#, status: 429,
                                        headers: [("x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/")])
                : LoopbackRecorder.json(#"{"embedding":[1.0]}"#)
        }
        let vector = try await handler.withServer { try await bedrock($0).titanEmbed(text: "x", dimensions: 1) }
        #expect(vector == [1])
        #expect(handler.requests.count == 2)
        #expect(sleeps.recorded == [.milliseconds(500)])
    }

    @Test func aValidationErrorIsNotRetriedAndKeepsItsCode() async throws {
        let handler = LoopbackRecorder { _, _ in
            LoopbackRecorder.json(#"{"message":"Malformed input request"}"#, status: 400, headers: [("x-amzn-ErrorType", "ValidationException")])
        }
        let error = await #expect(throws: AWSError.self) {
            try await handler.withServer { try await bedrock($0).titanEmbed(text: "x") }
        }
        #expect(error?.errorCode == "ValidationException")
        #expect(handler.requests.count == 1)
    }
}
