import CoordinaitorDomain
import CoordinaitorHTTP
import CoordinaitorServices
import Foundation
import Logging

/// Many organizations named `bench-1`, `bench-2`, …, each with an owner and many tasks, for `scripts/bench`.
///
/// Organizations go through the organization service (with its audit entry and cache invalidation) and tasks through
/// the bulk path (``TaskService/createMany(in:_:)``: one transaction per batch, limits checked on the sum). Every owner
/// shares one password hash: hashing 10,000 passwords with bcrypt would take many minutes and measure nothing.
/// Seeding is incremental: organizations that already exist are left alone, so a run can grow 10 → 1,000 → 10,000.
package enum BenchmarkSeed {
    package static let password = "bench-password"
    /// Tasks written per transaction: large enough to amortise the commit, small enough to keep the write lock short.
    static let batchSize = 1_000

    package struct Plan: Sendable {
        package var organizations: Int
        package var tasksPerOrganization: Int
        /// Organizations seeded at once; SQLite has one writer, PostgreSQL gains from a few.
        package var concurrency: Int

        package init(organizations: Int, tasksPerOrganization: Int, concurrency: Int) {
            self.organizations = organizations
            self.tasksPerOrganization = tasksPerOrganization
            self.concurrency = max(1, concurrency)
        }
    }

    package struct Seeded: Sendable {
        package var number: Int
        package var organization: Organization
        package var ownerEmail: String
    }

    package static func subdomain(_ number: Int) -> String { "bench-\(number)" }
    package static func ownerEmail(_ number: Int) -> String { "owner@bench-\(number).test" }

    /// Ensures organizations 1…`plan.organizations` exist; returns the ones created now, in order.
    package static func seed(into services: CoreServices, bcryptCost: UInt8, plan: Plan, logger: Logger) async throws -> [Seeded] {
        let passwordHash = try await BcryptPasswordHasher(cost: bcryptCost).hash(self.password)
        var missing: [Int] = []
        for number in stride(from: 1, through: plan.organizations, by: 1) {
            if try await services.organizations.find(.slug(self.subdomain(number))) == nil { missing.append(number) }
        }
        var created: [Seeded] = []
        created.reserveCapacity(missing.count)
        for start in stride(from: 0, to: missing.count, by: plan.concurrency) {
            let chunk = missing[start..<min(start + plan.concurrency, missing.count)]
            try await withThrowingTaskGroup(of: Seeded.self) { group in
                for number in chunk {
                    group.addTask {
                        try await self.seedOrganization(number, into: services, passwordHash: passwordHash, tasks: plan.tasksPerOrganization)
                    }
                }
                for try await seeded in group { created.append(seeded) }
            }
            // The CLI runs no audit writer: write what the batch recorded before the queue grows large.
            await services.audit.flush()
            if created.count % 500 < plan.concurrency {
                logger.info("Seeding", metadata: ["organizations": "\(created.count)/\(missing.count)"])
            }
        }
        return created.sorted { $0.number < $1.number }
    }

    private static func seedOrganization(_ number: Int, into services: CoreServices, passwordHash: String, tasks: Int) async throws -> Seeded {
        let now = services.time.now()
        let email = self.ownerEmail(number)
        let owner = try await services.store.users.create(
            User(
                id: UUIDv7Source().make(UserKind.self, at: now),
                email: email,
                name: "Bench owner \(number)",
                passwordHash: passwordHash,
                status: .active,
                isSuperAdmin: false,
                createdAt: now,
                updatedAt: now
            )
        )
        let draft = NewOrganization(
            name: self.subdomain(number), displayName: "Bench organization \(number)", subdomain: self.subdomain(number),
            tier: .enterprise, contactEmail: email)
        var organization = try await services.organizations.create(draft, owner: owner.id)
        // Generous but finite limits: the creation path still runs its atomic limit check, and the benchmark's load
        // never meets the rate limit or a monthly quota.
        organization = try await services.organizations.update(organization.id) { current in
            var changed = current
            changed.planOverrides = PlanOverrides(
                limits: [.tasksPerMonth: 1_000_000_000, .apiCallsPerMonth: 1_000_000_000_000, .storageBytes: 1 << 40],
                rateLimit: RateLimitPolicy(requestsPerHour: 1_000_000_000, burst: 10_000_000)
            )
            return changed
        }
        let priorities = TaskPriority.allCases
        for start in stride(from: 0, to: tasks, by: self.batchSize) {
            let drafts = (start..<min(start + self.batchSize, tasks)).map { index in
                NewTask(title: "Task \(index + 1) of \(self.subdomain(number))", priority: priorities[index % priorities.count],
                        input: .object(["sequence": .number(Double(index))]))
            }
            _ = try await services.tasks.createMany(in: organization, drafts)
        }
        return Seeded(number: number, organization: organization, ownerEmail: email)
    }
}
