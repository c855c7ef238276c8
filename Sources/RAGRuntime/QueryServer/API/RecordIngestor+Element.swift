import Foundation
import TelemetryModel

extension RecordIngestor {
    /// One element of an ingest body: a record, or why it is not one.
    struct Element: Decodable {
        var outcome: Swift.Result<TelemetryRecord, Rejection>

        private struct Identity: Decodable {
            var eventID: String?
            private enum CodingKeys: String, CodingKey { case eventID = "event_id" }
        }

        /// Decodes a record, keeping the decoding error (and the `event_id`, if readable) instead of failing the batch.
        init(from decoder: any Decoder) throws {
            do {
                outcome = .success(try TelemetryRecord(from: decoder))
            } catch let error as DecodingError {
                let eventID: String?
                do {
                    eventID = try Identity(from: decoder).eventID
                } catch {
                    eventID = nil  // not even an object: the decoding error below says so
                }
                outcome = .failure(Rejection(eventID: eventID, reason: QueryRequestBody.describe(error)))
            }
        }

        /// The record, if it is one worth indexing.
        func validated() -> Swift.Result<TelemetryRecord, Rejection> {
            guard case .success(let record) = outcome else { return outcome }
            if record.eventID.trimmingCharacters(in: .whitespaces).isEmpty {
                return .failure(Rejection(eventID: nil, reason: "event_id is empty"))
            }
            if record.message.trimmingCharacters(in: .whitespaces).isEmpty {
                return .failure(Rejection(eventID: record.eventID, reason: "message is empty"))
            }
            if record.vehicleID.trimmingCharacters(in: .whitespaces).isEmpty {
                return .failure(Rejection(eventID: record.eventID, reason: "vehicle_id is empty"))
            }
            return .success(record)
        }
    }
}

extension RecordIngestor.Rejection: Error {}
