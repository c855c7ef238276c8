import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the small XML documents of AWS query-protocol services (STS responses, `<ErrorResponse>`).
///
/// Those documents are trees whose interesting values are leaves with unique names
/// (`AccessKeyId`, `Code`, `RequestId`), so a flat "leaf name → text" map is enough and avoids a
/// model of the whole response.
enum AWSXML {
    /// The text of every leaf element, by element name; the first occurrence wins.
    ///
    /// - Parameter data: The XML document.
    /// - Returns: The leaf values, or `nil` when `data` is not well-formed XML.
    static func leafValues(in data: Data) -> [String: String]? {
        let collector = LeafCollector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        guard parser.parse() else { return nil }
        return collector.values
    }

    private final class LeafCollector: NSObject, XMLParserDelegate {
        var values: [String: String] = [:]
        private var text = ""
        private var hasChildren: [Bool] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            if !hasChildren.isEmpty { hasChildren[hasChildren.count - 1] = true }
            hasChildren.append(false)
            text = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            let isLeaf = hasChildren.popLast() == false
            if isLeaf, values[elementName] == nil {
                values[elementName] = text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            text = ""
        }
    }
}
