import CoordinaitorServices
import Foundation
import Logging

/// The JWT signing secret outside production when `JWT_SECRET` is unset: generated once, kept in `DATA_DIR/jwt-secret`
/// (mode 0600) so tokens survive restarts, with a warning. There is no built-in default secret.
enum SigningSecret {
    static func resolve(configuration: AppConfiguration, logger: Logger) throws -> String {
        let logger = logger.scoped(.authToken)
        if let secret = configuration.jwtSecret { return secret }
        let directory = URL(fileURLWithPath: configuration.dataDirectory)
        let file = directory.appendingPathComponent("jwt-secret")
        if let stored = try? String(contentsOf: file, encoding: .utf8), stored.utf8.count >= 32 {
            logger.warning("JWT_SECRET is unset: using the secret generated earlier", metadata: ["file": "\(file.path)"])
            return stored
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<48).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let secret = Data(bytes).base64EncodedString()
        guard FileManager.default.createFile(atPath: file.path, contents: Data(secret.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw StartupError("Cannot write the generated JWT secret to \(file.path); set JWT_SECRET instead.")
        }
        logger.warning("JWT_SECRET is unset: generated a signing secret for local use; set JWT_SECRET in production", metadata: ["file": "\(file.path)"])
        return secret
    }
}
