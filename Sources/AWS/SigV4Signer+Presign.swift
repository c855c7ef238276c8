import Foundation

extension SigV4Signer {
    /// The longest lifetime SigV4 allows for a presigned URL: 7 days.
    public static let maximumPresignedExpiry = 604_800

    /// The query parameters that presigning adds, in the order they are appended.
    static let presignQueryNames = [
        "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders",
        "X-Amz-Security-Token", "X-Amz-Signature",
    ]

    /// A presigned URL for `request`: the request's query items, then `X-Amz-Algorithm`,
    /// `X-Amz-Credential`, `X-Amz-Date`, `X-Amz-Expires`, `X-Amz-SignedHeaders`,
    /// `X-Amz-Security-Token` (when the credentials have one) and `X-Amz-Signature`.
    ///
    /// The request's headers (but not `Authorization`) are signed, with `host`, so whoever uses the
    /// URL must send the same ones. The payload hash is that of the body, as for header signing,
    /// except for S3, which presigns `UNSIGNED-PAYLOAD`. Existing `X-Amz-*` signing parameters in
    /// the query are replaced.
    ///
    /// ```swift
    /// let url = try SigV4Signer(service: "sts", region: "us-east-1")
    ///     .presignedURL(for: getCallerIdentity, using: credentials, at: now, expiresIn: 60)
    /// ```
    ///
    /// - Parameters:
    ///   - request: The request to presign.
    ///   - credentials: The credentials to sign with.
    ///   - date: The signing time; the URL is valid from then for `expiresIn` seconds.
    ///   - expiresIn: The lifetime in seconds, 1…604800. Defaults to 3600 (1 hour), as the AWS CLI.
    /// - Returns: The presigned URL.
    /// - Throws: ``SigV4Error/invalidExpiry(seconds:)``, ``SigV4Error/credentialsExpired(expiration:signingTime:)``
    ///   or ``SigV4Error/invalidURL(_:)``.
    public func presignedURL(
        for request: AWSRequest, using credentials: AWSCredentials, at date: Date, expiresIn: Int = 3600
    ) throws -> URL {
        try presign(request, using: credentials, at: date, expiresIn: expiresIn).request.url
    }

    /// Presigns `request`, returning it with the signing query items appended and its signature.
    func presign(
        _ request: AWSRequest, using credentials: AWSCredentials, at date: Date, expiresIn: Int
    ) throws -> (request: AWSRequest, signature: SigV4Signature) {
        guard (1...Self.maximumPresignedExpiry).contains(expiresIn) else {
            throw SigV4Error.invalidExpiry(seconds: expiresIn)
        }
        try checkNotExpired(credentials, at: date)
        let timestamp = SigV4Timestamp(date)
        var presigned = request
        presigned.removeHeaders(named: "Authorization")
        let signingNames = Set(Self.presignQueryNames)
        presigned.queryItems.removeAll { signingNames.contains($0.name) }
        let signedHeaders = SigV4CanonicalRequest.canonicalHeaders(
            SigV4CanonicalRequest.headerFieldsToSign(presigned)
        ).signedHeaders
        presigned.queryItems += [
            (name: "X-Amz-Algorithm", value: Self.algorithm),
            (name: "X-Amz-Credential", value: "\(credentials.accessKeyID)/\(credentialScope(timestamp))"),
            (name: "X-Amz-Date", value: timestamp.dateTime),
            (name: "X-Amz-Expires", value: String(expiresIn)),
            (name: "X-Amz-SignedHeaders", value: signedHeaders),
        ]
        if let token = credentials.sessionToken {
            presigned.queryItems.append((name: "X-Amz-Security-Token", value: token))
        }
        let hasContentHeader = presigned.headerValue(named: "x-amz-content-sha256") != nil
        let payload = service == "s3" && !hasContentHeader ? SigV4Signature.unsignedPayload : payloadHash(of: presigned)
        let canonical = SigV4CanonicalRequest(request: presigned, service: service, payloadHash: payload)
        let signature = signature(of: canonical, credentials: credentials, timestamp: timestamp)
        presigned.queryItems.append((name: "X-Amz-Signature", value: signature.signature))
        return (presigned, signature)
    }
}
