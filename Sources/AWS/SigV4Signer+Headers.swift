import Foundation

extension SigV4Signer {
    /// Signs `request` in place with headers.
    ///
    /// Replaces any `Authorization`, `X-Amz-Date` and `X-Amz-Security-Token` headers, then adds
    /// `X-Amz-Date`, `X-Amz-Security-Token` (when the credentials have a session token),
    /// `X-Amz-Content-SHA256` (when ``Options/addsContentSHA256Header`` is on or the payload is
    /// unsigned) and `Authorization`, in that order. The body is not changed.
    ///
    /// - Parameters:
    ///   - request: The request to sign.
    ///   - credentials: The credentials to sign with.
    ///   - date: The signing time; the service rejects requests more than 5 minutes off its clock.
    /// - Throws: ``SigV4Error/credentialsExpired(expiration:signingTime:)`` when the credentials
    ///   have expired at `date`.
    public func sign(_ request: inout AWSRequest, using credentials: AWSCredentials, at date: Date) throws {
        try checkNotExpired(credentials, at: date)
        let timestamp = SigV4Timestamp(date)
        var prepared = prepareHeaders(of: request, credentials: credentials, timestamp: timestamp)
        let signature = signature(of: prepared, credentials: credentials, timestamp: timestamp)
        prepared.headers.append((name: "Authorization", value: signature.authorization))
        request = prepared
    }

    /// The signature that ``sign(_:using:at:)`` would put in the `Authorization` header, with its
    /// canonical request and string to sign, without changing `request`.
    ///
    /// - Parameters:
    ///   - request: The request to sign.
    ///   - credentials: The credentials to sign with.
    ///   - date: The signing time.
    /// - Returns: The signature and the texts it was computed from.
    /// - Throws: ``SigV4Error/credentialsExpired(expiration:signingTime:)`` when the credentials
    ///   have expired at `date`.
    public func signature(for request: AWSRequest, using credentials: AWSCredentials, at date: Date) throws
        -> SigV4Signature
    {
        try checkNotExpired(credentials, at: date)
        let timestamp = SigV4Timestamp(date)
        let prepared = prepareHeaders(of: request, credentials: credentials, timestamp: timestamp)
        return signature(of: prepared, credentials: credentials, timestamp: timestamp)
    }

    private func signature(
        of prepared: AWSRequest, credentials: AWSCredentials, timestamp: SigV4Timestamp
    ) -> SigV4Signature {
        let canonical = SigV4CanonicalRequest(
            request: prepared, service: service, payloadHash: payloadHash(of: prepared))
        return signature(of: canonical, credentials: credentials, timestamp: timestamp)
    }

    private func prepareHeaders(
        of request: AWSRequest, credentials: AWSCredentials, timestamp: SigV4Timestamp
    ) -> AWSRequest {
        var prepared = request
        prepared.removeHeaders(named: "Authorization")
        prepared.setHeader("X-Amz-Date", timestamp.dateTime)
        if let token = credentials.sessionToken {
            prepared.setHeader("X-Amz-Security-Token", token)
        } else {
            prepared.removeHeaders(named: "X-Amz-Security-Token")
        }
        if options.addsContentSHA256Header || request.payloadHash == .unsigned {
            prepared.removeHeaders(named: "X-Amz-Content-SHA256")
            prepared.setHeader("X-Amz-Content-SHA256", payloadHash(of: prepared))
        }
        return prepared
    }
}
