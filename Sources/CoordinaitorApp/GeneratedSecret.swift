import CoordinaitorServices
import Foundation
import Logging

/// A server secret (the JWT signing secret, the audit chain key) outside production when its variable is unset:
/// generated once and kept in `DATA_DIR/<file>` (mode 0600) so it survives restarts, with a warning. There is no
/// built-in default secret.
enum GeneratedSecret {
    static func resolve(configured: String?, variable: String, file name: String, dataDirectory: String, logger: Logger) throws -> String {
        if let configured { return configured }
        let logger = logger.scoped(.authToken)
        let directory = URL(fileURLWithPath: dataDirectory)
        let file = directory.appendingPathComponent(name)
        if let stored = try? String(contentsOf: file, encoding: .utf8), stored.utf8.count >= 32 {
            logger.warning("\(variable) is unset: using the secret generated earlier", metadata: ["file": "\(file.path)"])
            return stored
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<48).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let secret = Data(bytes).base64EncodedString()
        guard FileManager.default.createFile(atPath: file.path, contents: Data(secret.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw StartupError("Cannot write the generated secret to \(file.path); set \(variable) instead.")
        }
        logger.warning("\(variable) is unset: generated a secret for local use; set \(variable) in production", metadata: ["file": "\(file.path)"])
        return secret
    }

    /// The JWT signing secret (`JWT_SECRET`, or `DATA_DIR/jwt-secret`).
    static func jwt(_ configuration: AppConfiguration, logger: Logger) throws -> String {
        try self.resolve(
            configured: configuration.jwtSecret, variable: "JWT_SECRET", file: "jwt-secret", dataDirectory: configuration.dataDirectory, logger: logger)
    }

    /// The key of the audit chains (`AUDIT_SECRET`, or `DATA_DIR/audit-secret`). Changing it makes every existing chain
    /// fail verification, so it is kept apart from the JWT secret, which may be rotated.
    static func audit(_ configuration: AppConfiguration, logger: Logger) throws -> String {
        try self.resolve(
            configured: configuration.auditSecret, variable: "AUDIT_SECRET", file: "audit-secret", dataDirectory: configuration.dataDirectory,
            logger: logger)
    }
}
