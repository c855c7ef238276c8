/// The approximate k-NN method of a `knn_vector` field: HNSW graphs built by the Faiss engine.
///
/// ```swift
/// let method = OpenSearchKNNMethod(spaceType: .innerProduct, m: 16, efConstruction: 128)
/// let body = OpenSearchIndexMapping.telemetryIndex(dimensions: 1024, method: method)
/// ```
///
/// ## Defaults
/// Faiss HNSW with `m` 16 and `ef_construction` 128, the OpenSearch defaults; inner product,
/// which equals cosine similarity on the unit vectors Titan v2 (`normalize: true`) and Cohere v3 return.
public struct OpenSearchKNNMethod: Sendable, Hashable {
    /// How vector distance is measured (`space_type`).
    public enum SpaceType: String, Sendable, Hashable {
        /// Inner product (`innerproduct`): cosine similarity for unit vectors.
        case innerProduct = "innerproduct"
        /// Euclidean distance (`l2`).
        case l2
    }

    /// The engine. Defaults to `faiss` (the engine that supports efficient filtering with HNSW).
    public var engine: String
    /// The method name. Defaults to `hnsw`.
    public var name: String
    /// The distance. Defaults to ``SpaceType/innerProduct``.
    public var spaceType: SpaceType
    /// HNSW links per node (`m`). Defaults to 16.
    public var m: Int
    /// The candidate list size while building the graph (`ef_construction`). Defaults to 128.
    public var efConstruction: Int

    /// Creates a method.
    ///
    /// - Parameters:
    ///   - spaceType: The distance. Defaults to ``SpaceType/innerProduct``.
    ///   - m: HNSW links per node. Defaults to 16.
    ///   - efConstruction: The build-time candidate list size. Defaults to 128.
    ///   - engine: The engine. Defaults to `faiss`.
    public init(spaceType: SpaceType = .innerProduct, m: Int = 16, efConstruction: Int = 128, engine: String = "faiss") {
        self.engine = engine
        self.name = "hnsw"
        self.spaceType = spaceType
        self.m = m
        self.efConstruction = efConstruction
    }

    /// The `method` object of the field mapping.
    public var json: AWSJSONValue {
        [
            "name": .string(name), "engine": .string(engine), "space_type": .string(spaceType.rawValue),
            "parameters": ["m": .integer(Int64(m)), "ef_construction": .integer(Int64(efConstruction))],
        ]
    }
}

/// Builds the body of the create-index request for vehicle telemetry: pure, so it is tested without a server.
public enum OpenSearchIndexMapping {
    /// The default name of the vector field.
    public static let defaultVectorField = "embedding"

    /// The create-index body: `index.knn: true`, a `knn_vector` field, and the telemetry fields.
    ///
    /// Fields: `timestamp` (`date`); `vehicle_id`, `service`, `error_code`, `level`, `vehicle_state`
    /// and `doc_id` (`keyword`); `message` (`text`, for BM25); every `sensor_readings.*` leaf as
    /// `float` through a dynamic template, so new sensors need no mapping change.
    ///
    /// - Parameters:
    ///   - dimensions: The vector length (1024 for Cohere v3 and Titan v2 by default).
    ///   - method: The k-NN method.
    ///   - vectorField: The vector field. Defaults to ``defaultVectorField``.
    /// - Returns: The JSON body of `PUT /<index>`.
    public static func telemetryIndex(
        dimensions: Int, method: OpenSearchKNNMethod = OpenSearchKNNMethod(), vectorField: String = defaultVectorField
    ) -> AWSJSONValue {
        var properties: [String: AWSJSONValue] = [
            vectorField: ["type": "knn_vector", "dimension": .integer(Int64(dimensions)), "method": method.json],
            "timestamp": ["type": "date"],
            "message": ["type": "text"],
            "sensor_readings": ["type": "object"],
        ]
        for keyword in ["vehicle_id", "service", "error_code", "level", "vehicle_state", "doc_id"] {
            properties[keyword] = ["type": "keyword"]
        }
        return [
            "settings": ["index": ["knn": true]],
            "mappings": [
                "dynamic_templates": [
                    ["sensor_readings_as_float": ["path_match": "sensor_readings.*", "mapping": ["type": "float"]]],
                ],
                "properties": .object(properties),
            ],
        ]
    }
}
