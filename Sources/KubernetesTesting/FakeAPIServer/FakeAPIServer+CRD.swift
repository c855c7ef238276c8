import Foundation
import KubernetesCore

extension FakeAPIServer {
    /// Serves the resource a new CRD defines and marks the CRD Established, as the real server does.
    /// With `dryRun` the CRD is checked and returned Established, but nothing is served.
    func registerCustomResource(_ object: JSONValue, dryRun: Bool = false) throws -> JSONValue {
        let crd: CustomResourceDefinition
        do { crd = try object.decode(CustomResourceDefinition.self) } catch {
            throw APIError(422, "Invalid", "CustomResourceDefinition is invalid: \(error)")
        }
        let name = crd.metadata.name ?? ""
        guard name == "\(crd.spec.names.plural).\(crd.spec.group)" else {
            throw APIError(422, "Invalid", "CustomResourceDefinition.apiextensions.k8s.io \"\(name)\" is invalid: metadata.name: Invalid value: \"\(name)\": must be spec.names.plural+\".\"+spec.group")
        }
        guard ["Namespaced", "Cluster"].contains(crd.spec.scope) else {
            throw APIError(422, "Invalid", "CustomResourceDefinition \"\(name)\" is invalid: spec.scope: Unsupported value: \"\(crd.spec.scope)\"")
        }
        guard let version = crd.spec.versions.first(where: { $0.storage }) ?? crd.spec.versions.first else {
            throw APIError(422, "Invalid", "CustomResourceDefinition \"\(name)\" is invalid: spec.versions: Required value")
        }
        let key = ResourceKey(group: crd.spec.group, plural: crd.spec.names.plural)
        if let current = resources[key], current.definedBy == nil {
            throw APIError(409, "AlreadyExists", "\(key) is a built-in resource")
        }
        let served = ServedResource(
            descriptor: ResourceDescriptor(group: crd.spec.group, version: version.name, kind: crd.spec.names.kind, plural: crd.spec.names.plural, namespaced: crd.spec.scope == "Namespaced"),
            singular: crd.spec.names.singular ?? crd.spec.names.kind.lowercased(), shortNames: crd.spec.names.shortNames ?? [],
            categories: crd.spec.names.categories ?? [], verbs: ServedResource.allVerbs, hasStatus: version.subresources?.status != nil,
            schema: version.schema?.openAPIV3Schema ?? ["type": "object", "x-kubernetes-preserve-unknown-fields": true],
            printerColumns: version.additionalPrinterColumns ?? [], definedBy: name)
        if !dryRun { resources[key] = served }
        var established = object
        let time = Timestamp(now()).description
        established["status"] = [
            "acceptedNames": (try? JSONValue(encoding: crd.spec.names)) ?? .object([:]),
            "storedVersions": [.string(version.name)],
            "conditions": [
                ["type": "NamesAccepted", "status": "True", "reason": "NoConflicts", "message": "no conflicts found", "lastTransitionTime": .string(time)],
                ["type": "Established", "status": "True", "reason": "InitialNamesAccepted", "message": "the initial names have been accepted", "lastTransitionTime": .string(time)],
            ],
        ]
        return established
    }

    /// Stops serving a deleted CRD's resource and drops its objects.
    func unregisterCustomResource(_ object: JSONValue) {
        guard let group = object[path: ["spec", "group"]]?.stringValue, let plural = object[path: ["spec", "names", "plural"]]?.stringValue else { return }
        let key = ResourceKey(group: group, plural: plural)
        for objectKey in (objects[key] ?? [:]).keys.sorted() { remove(objectKey) }
        resources[key] = nil
        objects[key] = nil
    }
}
