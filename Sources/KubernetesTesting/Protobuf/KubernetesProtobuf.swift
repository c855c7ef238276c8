import Foundation
import KubernetesCore

/// Decodes the protobuf bodies `kubectl create namespace|secret|configmap|serviceaccount` send
/// (`application/vnd.kubernetes.protobuf`) into the JSON the fake stores, following the field numbers
/// of the Kubernetes API's `generated.proto`. The envelope is the magic `k8s\0` and a `runtime.Unknown`
/// (1 typeMeta {1 apiVersion, 2 kind}, 2 raw, 3 contentEncoding, 4 contentType).
enum KubernetesProtobuf {
    static let magic: [UInt8] = [0x6b, 0x38, 0x73, 0x00]

    /// The object as JSON; throws ``ProtobufReader/Malformed`` for a body it cannot read and
    /// ``Unsupported`` for a kind it does not know.
    static func decode(_ body: Data) throws -> JSONValue {
        guard body.starts(with: magic) else { throw ProtobufReader.Malformed(description: "missing the k8s protobuf magic prefix") }
        var apiVersion = "", kind = ""
        var raw = Data()
        for (field, value) in try ProtobufReader.fields(body.dropFirst(magic.count)) {
            switch (field, value) {
            case (1, .bytes(let typeMeta)):
                for (member, text) in try ProtobufReader.fields(typeMeta) {
                    if case .bytes(let data) = text { if member == 1 { apiVersion = string(data) } else if member == 2 { kind = string(data) } }
                }
            case (2, .bytes(let data)): raw = data
            default: break
            }
        }
        var object: [String: JSONValue] = ["apiVersion": .string(apiVersion), "kind": .string(kind)]
        for (field, value) in try ProtobufReader.fields(raw) {
            guard case .bytes(let data) = value else {
                if case .varint(let number) = value, let name = booleanField(kind: kind, field: field) { object[name] = .bool(number != 0) }
                continue
            }
            switch (kind, field) {
            case (_, 1): object["metadata"] = try objectMeta(data)
            case ("Secret", 2): object["data", default: .object([:])].merge(try mapEntry(data, base64Values: true))
            case ("Secret", 3): if !data.isEmpty { object["type"] = .string(string(data)) }
            case ("Secret", 4): object["stringData", default: .object([:])].merge(try mapEntry(data, base64Values: false))
            case ("ConfigMap", 2): object["data", default: .object([:])].merge(try mapEntry(data, base64Values: false))
            case ("ConfigMap", 3): object["binaryData", default: .object([:])].merge(try mapEntry(data, base64Values: true))
            case ("ServiceAccount", 3):
                let name = try ProtobufReader.fields(data).compactMap { entry -> String? in
                    if entry.field == 1, case .bytes(let text) = entry.value { return string(text) }
                    return nil
                }.first ?? ""
                object["imagePullSecrets", default: .array([])].append(["name": .string(name)])
            case ("Namespace", 2):
                let finalizers = try ProtobufReader.fields(data).compactMap { entry -> JSONValue? in
                    if entry.field == 1, case .bytes(let text) = entry.value { return .string(string(text)) }
                    return nil
                }
                if !finalizers.isEmpty { object["spec"] = ["finalizers": .array(finalizers)] }
            case ("Namespace", 3), ("ServiceAccount", 2): break  // status; secrets (legacy, never sent by create)
            case ("Namespace", _), ("Secret", _), ("ConfigMap", _), ("ServiceAccount", _): break
            default: throw Unsupported(kind: kind)
            }
        }
        guard ["Namespace", "Secret", "ConfigMap", "ServiceAccount"].contains(kind) else { throw Unsupported(kind: kind) }
        if kind == "Secret" && object["type"] == nil { object["type"] = "Opaque" }  // the API server's default
        return .object(object)
    }

    struct Unsupported: Error, CustomStringConvertible {
        var kind: String
        var description: String { "protobuf bodies of kind \(kind) are not supported; send JSON" }
    }

    static func booleanField(kind: String, field: Int) -> String? {
        switch (kind, field) {
        case ("Secret", 5), ("ConfigMap", 4): "immutable"
        case ("ServiceAccount", 4): "automountServiceAccountToken"
        default: nil
        }
    }

    /// ObjectMeta: 1 name, 2 generateName, 3 namespace, 11 labels, 12 annotations, 14 finalizers;
    /// server-owned fields (uid, resourceVersion, timestamps) are ignored, as on create.
    static func objectMeta(_ data: Data) throws -> JSONValue {
        var meta: [String: JSONValue] = [:]
        for (field, value) in try ProtobufReader.fields(data) {
            // Go's encoder writes every string field, empty or not; an empty one means unset.
            guard case .bytes(let bytes) = value, !bytes.isEmpty || [11, 12].contains(field) else { continue }
            switch field {
            case 1: meta["name"] = .string(string(bytes))
            case 2: meta["generateName"] = .string(string(bytes))
            case 3: meta["namespace"] = .string(string(bytes))
            case 11: meta["labels", default: .object([:])].merge(try mapEntry(bytes, base64Values: false))
            case 12: meta["annotations", default: .object([:])].merge(try mapEntry(bytes, base64Values: false))
            case 14: meta["finalizers", default: .array([])].append(.string(string(bytes)))
            default: break
            }
        }
        return .object(meta)
    }

    /// One map entry (1 key, 2 value) as a one-member object; bytes values become base64, as in JSON.
    static func mapEntry(_ data: Data, base64Values: Bool) throws -> JSONValue {
        var key = "", value = Data()
        for (field, item) in try ProtobufReader.fields(data) {
            guard case .bytes(let bytes) = item else { continue }
            if field == 1 { key = string(bytes) } else if field == 2 { value = bytes }
        }
        return [key: .string(base64Values ? value.base64EncodedString() : string(value))]
    }

    static func string(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }
}

extension JSONValue {
    /// Adds `other`'s members to this object.
    fileprivate mutating func merge(_ other: JSONValue) {
        guard case .object(var members) = self, case .object(let more) = other else { return }
        for (key, value) in more { members[key] = value }
        self = .object(members)
    }

    /// Appends to this array.
    fileprivate mutating func append(_ element: JSONValue) {
        guard case .array(var items) = self else { return }
        items.append(element)
        self = .array(items)
    }
}
