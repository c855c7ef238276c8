import Foundation

extension AWSError {
    /// The error an unsuccessful AWS response stands for, with the service's error code, message and
    /// request ID, read the way the SDKs read them.
    ///
    /// - JSON protocols (`json`, `rest-json`): the code is the `x-amzn-ErrorType` header or the body's
    ///   `__type` (or `code`), stripped of a namespace prefix (`aws.protocols#`) and a `:http…` suffix;
    ///   the message is the body's `message` or `Message`.
    /// - Query and XML protocols: `<Code>`, `<Message>` and `<RequestId>` anywhere in the document.
    /// - The request ID comes from `x-amzn-RequestId`, else `x-amz-request-id`, else the XML.
    ///
    /// - Parameter response: A response whose status is not 2xx.
    /// - Returns: An error with code ``Code/serviceError``.
    public static func fromResponse(_ response: AWSHTTPResponse) -> AWSError {
        var errorCode = response.headerValue(named: "x-amzn-ErrorType")
        var message: String?
        var requestID = response.headerValue(named: "x-amzn-RequestId")
            ?? response.headerValue(named: "x-amz-request-id")
        let body = response.body
        if let json = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
            errorCode = errorCode ?? (json["__type"] as? String) ?? (json["code"] as? String) ?? (json["Code"] as? String)
            message = (json["message"] as? String) ?? (json["Message"] as? String) ?? (json["errorMessage"] as? String)
        } else if body.first == UInt8(ascii: "<"), let xml = AWSXML.leafValues(in: body) {
            errorCode = errorCode ?? xml["Code"]
            message = xml["Message"]
            requestID = requestID ?? xml["RequestId"] ?? xml["RequestID"]
        }
        let code = errorCode.map(sanitizeErrorCode).flatMap { $0.isEmpty ? nil : $0 }
        let text = message ?? String(decoding: body.prefix(512), as: UTF8.self)
        return AWSError(
            code: .serviceError, message: text.isEmpty ? "HTTP \(response.status)" : text,
            errorCode: code, statusCode: response.status, requestID: requestID)
    }

    /// `aws.protocols#ThrottlingException:http://internal.amazon.com/…` → `ThrottlingException`.
    static func sanitizeErrorCode(_ raw: String) -> String {
        var code = Substring(raw)
        if let colon = code.firstIndex(of: ":") { code = code[..<colon] }
        if let hash = code.lastIndex(of: "#") { code = code[code.index(after: hash)...] }
        return code.trimmingCharacters(in: .whitespaces)
    }
}
