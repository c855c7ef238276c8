import Foundation
import KubernetesCore
import Testing

@Suite struct EncodingTests {
    @Test func applyBodiesNeverContainNull() throws {
        var container = Container(name: "app", image: "rag:1")
        container.ports = [ContainerPort(containerPort: 8080)]
        let deployment = Deployment(
            metadata: ObjectMeta(name: "backend", namespace: "rag", labels: ["app": "backend"]),
            spec: DeploymentSpec(selector: LabelSelector(matchLabels: ["app": "backend"]), template: PodTemplateSpec(spec: PodSpec(containers: [container]))))
        let text = String(decoding: try JSONValue.encoder.encode(deployment), as: UTF8.self)
        #expect(!text.contains("null"))
        #expect(text.contains(#""apiVersion":"apps/v1""#))
        #expect(text.contains(#""kind":"Deployment""#))
    }

    @Test func listItemsWithoutTypeMetaDecode() throws {
        let json = #"{"metadata":{"resourceVersion":"9"},"items":[{"metadata":{"name":"a","namespace":"rag"},"data":{"k":"v"}}]}"#
        let list = try JSONDecoder().decode(ObjectList<ConfigMap>.self, from: Data(json.utf8))
        #expect(list.items.first?.data?["k"] == "v")
        #expect(list.metadata.resourceVersion == "9")
    }

    @Test func anEmptyListWithNullItemsDecodesAsEmpty() throws {
        let list = try JSONDecoder().decode(ObjectList<ConfigMap>.self, from: Data(#"{"metadata":{},"items":null}"#.utf8))
        #expect(list.items.isEmpty)
    }

    @Test func integersStayIntegersThroughJSONValue() throws {
        let value = try JSONValue(data: Data(#"{"replicas":3,"ratio":0.5}"#.utf8))
        #expect(value["replicas"] == .integer(3))
        #expect(value["ratio"] == .double(0.5))
        #expect(String(decoding: try value.data(), as: UTF8.self) == #"{"ratio":0.5,"replicas":3}"#)
    }

    @Test func timestampsRoundTripWithAndWithoutMicroseconds() throws {
        let seconds = try JSONDecoder().decode(Timestamp.self, from: Data(#""2025-01-04T10:00:00Z""#.utf8))
        #expect(seconds.description == "2025-01-04T10:00:00Z")
        let micro = try JSONDecoder().decode(Timestamp.self, from: Data(#""2025-01-04T10:00:00.123456Z""#.utf8))
        #expect(micro.description == "2025-01-04T10:00:00.123456Z")
        #expect(micro > seconds)
    }

    @Test func intOrStringKeepsItsForm() throws {
        let port = Probe.HTTPGetAction(path: "/healthz", port: "http")
        let text = String(decoding: try JSONEncoder().encode(port), as: UTF8.self)
        #expect(text.contains(#""port":"http""#))
        let decoded = try JSONDecoder().decode(IntOrString.self, from: Data("8080".utf8))
        #expect(decoded == .int(8080))
    }

    @Test func secretsDoNotPrintTheirValues() {
        let secret = Secret(metadata: ObjectMeta(name: "hf", namespace: "rag"), data: ["token": "c2VjcmV0"])
        #expect(!"\(secret)".contains("c2VjcmV0"))
        #expect("\(secret)".contains("<redacted>"))
    }

    @Test func settingAConditionKeepsTheTransitionTimeUnlessTheStatusChanges() {
        let first = Timestamp(Date(timeIntervalSince1970: 100))
        var conditions = [Condition(type: "Ready", status: "False", reason: "Pending", lastTransitionTime: first)]
        conditions.set(Condition(type: "Ready", status: "False", reason: "StillPending", lastTransitionTime: Timestamp(Date(timeIntervalSince1970: 200))))
        #expect(conditions[type: "Ready"]?.lastTransitionTime == first)
        #expect(conditions[type: "Ready"]?.reason == "StillPending")
        conditions.set(Condition(type: "Ready", status: "True", lastTransitionTime: Timestamp(Date(timeIntervalSince1970: 300))))
        #expect(conditions[type: "Ready"]?.lastTransitionTime?.date == Date(timeIntervalSince1970: 300))
    }
}
