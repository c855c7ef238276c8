import Crypto
import Foundation
import NIOSSL
import SwiftASN1
import X509

/// A certificate authority made up on the spot, and a serving certificate it signed for loopback
/// (`localhost`, `127.0.0.1`, `::1`), so the fake API server speaks TLS as a real one does and clients
/// verify it against a CA from the kubeconfig, not with verification turned off.
public struct FakeCertificateAuthority: Sendable {
    /// The CA certificate, PEM: what a kubeconfig's `certificate-authority-data` carries.
    public let certificateAuthorityPEM: String
    /// The serving certificate, PEM.
    public let serverCertificatePEM: String
    /// The serving certificate's private key, PEM (PKCS#8).
    let serverKeyPEM: String

    /// Generates a P-256 CA valid for a year and a serving certificate for loopback signed by it.
    public init(now: Date = Date()) throws {
        let caKey = P256.Signing.PrivateKey()
        let caName = try DistinguishedName { CommonName("fake-apiserver-ca") }
        let ca = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(caKey.publicKey),
            notValidBefore: now - 3600, notValidAfter: now + 365 * 86400, issuer: caName, subject: caName,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
            },
            issuerPrivateKey: .init(caKey))
        let serverKey = P256.Signing.PrivateKey()
        let server = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(serverKey.publicKey),
            notValidBefore: now - 3600, notValidAfter: now + 365 * 86400, issuer: caName,
            subject: try DistinguishedName { CommonName("fake-apiserver") },
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true, keyEncipherment: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames([
                    .dnsName("localhost"),
                    .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1])),
                    .ipAddress(ASN1OctetString(contentBytes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])),
                ])
            },
            issuerPrivateKey: .init(caKey))
        certificateAuthorityPEM = try ca.serializeAsPEM().pemString + "\n"
        serverCertificatePEM = try server.serializeAsPEM().pemString + "\n"
        serverKeyPEM = serverKey.pemRepresentation + "\n"
    }

    /// The server side of TLS: this CA's serving certificate and key.
    func serverTLSConfiguration() throws -> TLSConfiguration {
        let certificate = try NIOSSLCertificate(bytes: Array(serverCertificatePEM.utf8), format: .pem)
        let key = try NIOSSLPrivateKey(bytes: Array(serverKeyPEM.utf8), format: .pem)
        return TLSConfiguration.makeServerConfiguration(certificateChain: [.certificate(certificate)], privateKey: .privateKey(key))
    }
}
