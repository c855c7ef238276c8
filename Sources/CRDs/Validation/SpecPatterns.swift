import Foundation

/// The formats ``RAGPipeline/validate()`` checks, as regular expressions.
public enum SpecPatterns {
    /// `arn:aws:iam::123456789012:role/name` or with a path (`role/service/name`), in the aws, aws-cn and aws-us-gov partitions.
    public static let roleArn = #"^arn:aws(-cn|-us-gov)?:iam::[0-9]{12}:role/([\w+=,.@-]+/)*[\w+=,.@-]{1,64}$"#
    /// An ACM certificate ARN.
    public static let certificateArn = #"^arn:aws(-cn|-us-gov)?:acm:[a-z0-9-]+:[0-9]{12}:certificate/[A-Za-z0-9-]+$"#
    /// A DNS-1123 subdomain, optionally with a leading `*.` wildcard (Ingress hosts).
    public static let ingressHost = #"^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"#
    /// A DNS-1035 label: what Service names need, since children are named `<pipeline>-<component>`.
    public static let dns1035Label = #"^[a-z]([-a-z0-9]*[a-z0-9])?$"#
    /// An AWS region such as `eu-west-1` or `us-gov-west-1`.
    public static let region = #"^[a-z]{2}(-[a-z]+)+-[0-9]+$"#

    /// `s3://bucket` or `s3://bucket/prefix`, with a valid bucket name (3 to 63 lower-case letters,
    /// digits, `.` and `-`, starting and ending with a letter or digit).
    public static let s3URI = #"^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/[^?#]*)?$"#

    /// The longest suffix the operator appends to the pipeline name (`-default-deny`).
    public static let longestChildSuffix = 13
    /// Pipeline names are at most 50 characters, so every child name fits in 63.
    public static let maxPipelineNameLength = 63 - longestChildSuffix

    /// Whether `text` matches `pattern` in full.
    public static func matches(_ text: String, _ pattern: String) -> Bool {
        text.range(of: pattern, options: .regularExpression) != nil
    }
}
