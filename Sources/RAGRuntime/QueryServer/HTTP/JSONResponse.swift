import Foundation
import Hummingbird
import NIOCore

/// Builds `application/json` responses with the API's encoder settings.
enum JSONResponse {
    /// `value` as JSON with `status`.
    ///
    /// - Throws: `EncodingError`; the error middleware turns it into a 500.
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}
