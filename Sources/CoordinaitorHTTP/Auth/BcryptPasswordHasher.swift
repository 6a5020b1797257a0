import CoordinaitorServices
import Foundation
import HummingbirdBcrypt
import NIOPosix

/// bcrypt on NIO's blocking thread pool: a hash costs about 100 ms at cost 11, far too long for an event loop.
package struct BcryptPasswordHasher: PasswordHasher {
    package let cost: UInt8
    package let decoyHash: String

    /// - Parameter cost: bcrypt's work factor (`BCRYPT_COST`, default 11; tests use the minimum, 4).
    package init(cost: UInt8 = 11) {
        self.cost = cost
        self.decoyHash = Bcrypt.hash(UUID().uuidString, cost: cost)
    }

    package func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    package func verify(_ password: String, against hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}
