import ArgumentParser
import Foundation
import Logging
import Observability
import Ingestion
import TelemetrySimulator
import RuntimeContract
import ServiceLifecycle

/// `rag-runtime producer`: generated vehicle telemetry into a Kinesis stream with `PutRecords`.
///
/// ```sh
/// AWS_REGION=eu-west-1 rag-runtime producer --stream vehicle-logs --rate 100 --backfill 24h --seed 7
/// ```
struct ProducerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "producer",
        abstract: "Write generated vehicle telemetry to a Kinesis stream (partition key: vehicle_id).")

    @Option(help: "The Kinesis stream (default: KINESIS_STREAM_NAME).")
    var stream: String?

    @OptionGroup(title: "Telemetry (default: RECORDS_PER_MINUTE, else 100 records a minute; no history)")
    var telemetry: TelemetryOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let runtime = try RuntimeConfiguration(environment: environment)
        _ = Observability.bootstrap(logFormat: runtime.logFormat, logLevel: runtime.logLevel)
        let logger = Logger(label: "rag-runtime.producer")
        let streamName = try ConsumerEnvironment.streamName(stream, environment: environment)
        let perMinute = telemetry.rate ?? runtime.settings.recordsPerMinute ?? 100
        let schedule = try ProducerSchedule(
            recordsPerMinute: perMinute, backfill: try telemetry.backfillSeconds(default: "0s"), count: telemetry.count, start: Date())
        let seed = telemetry.resolvedSeed
        let writer = KinesisTelemetryWriter(kinesis: try ConsumerEnvironment.client(environment: environment), streamName: streamName)
        var producer = TelemetryProducer(generator: TelemetryGenerator(seed: seed), schedule: schedule, writer: writer)
        producer.logger = logger
        logger.info("producer starting", metadata: [
            "stream": "\(streamName)", "rate": "\(perMinute)", "seed": "\(seed)", "backfill": "\(schedule.backfillCount)",
        ])
        let configured = producer
        let service = IngestionTaskService {
            let written = try await configured.run()
            logger.info("producer finished", metadata: ["records": "\(written)"])
        }
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: service, successTerminationBehavior: .gracefullyShutdownGroup)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
