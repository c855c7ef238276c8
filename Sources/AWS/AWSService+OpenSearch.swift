extension AWSService {
    /// Amazon OpenSearch Service managed domains (`es`). The data-plane endpoint is the domain's own
    /// URL (`https://search-<domain>-<id>.<region>.es.amazonaws.com`), passed to ``OpenSearchClient``.
    public static let openSearch = AWSService(serviceID: "OpenSearch", endpointPrefix: "es")
}
