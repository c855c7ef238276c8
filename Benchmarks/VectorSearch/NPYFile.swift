import Foundation

/// A two-dimensional NumPy `.npy` array of `float32` (or `float64`, converted), row-major.
///
/// Reads format versions 1, 2 and 3; `write` produces version 1 `<f4`, which `numpy.load` reads.
struct NPYFile {
    var rows: Int
    var columns: Int
    /// Row-major values.
    var values: [Float]

    enum Failure: Error, CustomStringConvertible {
        case notNPY(String), unsupported(String, String)
        var description: String {
            switch self {
            case .notNPY(let path): "\(path) is not a .npy file"
            case .unsupported(let path, let what): "\(path): unsupported .npy array (\(what)); expected a 2-d little-endian float32 or float64 array in C order"
            }
        }
    }

    init(rows: Int, columns: Int, values: [Float]) {
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        guard data.count >= 10, data.prefix(6) == Data([0x93] + Array("NUMPY".utf8)) else { throw Failure.notNPY(path) }
        let major = data[6]
        let headerLength: Int, headerStart: Int
        if major == 1 {
            headerLength = Int(data[8]) | Int(data[9]) << 8
            headerStart = 10
        } else {
            headerLength = Int(data[8]) | Int(data[9]) << 8 | Int(data[10]) << 16 | Int(data[11]) << 24
            headerStart = 12
        }
        guard let header = String(data: data[headerStart..<(headerStart + headerLength)], encoding: .utf8) else { throw Failure.notNPY(path) }
        guard !header.contains("'fortran_order': True") else { throw Failure.unsupported(path, "Fortran order") }
        guard let shape = header.firstMatch(of: /'shape':\s*\((\d+),\s*(\d+)\s*,?\)/) else { throw Failure.unsupported(path, header) }
        rows = Int(shape.1)!
        columns = Int(shape.2)!
        let body = data[(headerStart + headerLength)...]
        let count = rows * columns
        if header.contains("'<f4'") {
            guard body.count >= count * 4 else { throw Failure.unsupported(path, "truncated") }
            values = body.withUnsafeBytes { raw in (0..<count).map { raw.loadUnaligned(fromByteOffset: $0 * 4, as: Float.self) } }
        } else if header.contains("'<f8'") {
            guard body.count >= count * 8 else { throw Failure.unsupported(path, "truncated") }
            values = body.withUnsafeBytes { raw in (0..<count).map { Float(raw.loadUnaligned(fromByteOffset: $0 * 8, as: Double.self)) } }
        } else {
            throw Failure.unsupported(path, header)
        }
    }

    func row(_ index: Int) -> [Float] { Array(values[(index * columns)..<((index + 1) * columns)]) }

    /// Writes the array as a version-1 `.npy` file of `<f4`.
    func write(to path: String) throws {
        var header = "{'descr': '<f4', 'fortran_order': False, 'shape': (\(rows), \(columns)), }"
        while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        var data = Data([0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.utf8.count & 0xFF), UInt8(header.utf8.count >> 8)])
        data.append(header.data(using: .utf8)!)
        values.withUnsafeBytes { data.append(contentsOf: $0) }
        try data.write(to: URL(fileURLWithPath: path))
    }
}
