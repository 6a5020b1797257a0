import CoordinaitorDomain
import CoordinaitorPostgres
import Foundation
import Logging
import NIOPosix
import PostgresNIO
import Testing

/// An unreachable database costs a caller one lease timeout, then every caller a prompt StoreUnavailableError
/// (the HTTP layer's 503), instead of requests that hang while the pool retries forever.
@Suite("PostgreSQL outage answers promptly")
struct PostgresAvailabilityTests {
    @Test func anUnreachableDatabaseFailsFastAfterTheFirstTimeout() async throws {
        let port = try await Self.closedPort()
        let configuration = try PostgresDataStore.configuration(url: "postgres://app@127.0.0.1:\(port)/none?sslmode=disable")
        let store = PostgresDataStore(configuration: configuration, logger: Logger(label: "test"), leaseTimeout: .seconds(2))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await store.run() }
            let clock = ContinuousClock()
            let first = await clock.measure {
                await #expect(throws: StoreUnavailableError.self) { _ = try await store.organizations.find(.slug("acme")) }
            }
            #expect(first >= .seconds(2), "first call took \(first)")
            // Known down now: the next five calls do not each wait out the 2 s timeout (generous bound: the machine
            // may be busy with other suites).
            let next = await clock.measure {
                for _ in 0..<5 {
                    await #expect(throws: StoreUnavailableError.self) { _ = try await store.users.find(email: "a@b.test") }
                }
            }
            #expect(next < .seconds(3), "five calls took \(next)")
            group.cancelAll()
        }
    }

    /// A port nothing listens on: bound, read, released.
    static func closedPort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 1
        try await channel.close()
        return port
    }
}
