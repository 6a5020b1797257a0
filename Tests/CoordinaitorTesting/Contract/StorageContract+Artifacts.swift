import CoordinaitorDomain
import Testing

extension StorageContract {
    /// Artifacts are stored byte for byte, listed by name in byte order without content, replaced by name (keeping
    /// their creation time) and deleted by name.
    static func artifactsRoundTrip(_ store: any DataStore) async throws {
        let acme = try await store.organizations.create(ContractFixtures.organization("acme"))
        let scope = TenantScope(acme)
        let limits = ContractLimits.unlimited
        let task = try await store.tasks.create(in: scope, ContractFixtures.task("build", in: acme), limits: limits)

        let binary: [UInt8] = [0, 1, 2, 0x7F, 0x80, 0xFF]
        let report = try ContractFixtures.artifact("report.bin", of: task, content: binary, contentType: "application/octet-stream")
        #expect(try await store.artifacts.put(in: scope, report, content: binary, limits: limits) == report)
        // Names differ only in case and punctuation: both backends sort them by bytes.
        for name in ["b_1", "b-1", "B.1", "b.1"] {
            _ = try await store.artifacts.put(in: scope, try ContractFixtures.artifact(name, of: task, content: []), content: [], limits: limits)
        }

        let listed = try await store.artifacts.list(in: scope, taskID: task.id)
        #expect(listed.map(\.name.value) == ["B.1", "b-1", "b.1", "b_1", "report.bin"])
        #expect(listed.last == report)
        let found = try #require(try await store.artifacts.find(in: scope, taskID: task.id, name: report.name))
        #expect(found.artifact == report)
        #expect(found.content == binary)
        let empty = try #require(try await store.artifacts.find(in: scope, taskID: task.id, name: try ArtifactName("b.1")))
        #expect(empty.content.isEmpty)
        #expect(empty.artifact.size == 0)

        // Replacing keeps the first creation time and takes everything else from the new one.
        let text = Array("hello".utf8)
        var replacement = try ContractFixtures.artifact(
            "report.bin", of: task, content: text, contentType: "text/plain", createdAt: TestDates.at(900), updatedAt: TestDates.at(901))
        replacement.sha256 = String(repeating: "cd", count: 32)
        let replaced = try await store.artifacts.put(in: scope, replacement, content: text, limits: limits)
        var expected = replacement
        expected.createdAt = report.createdAt
        #expect(replaced == expected)
        let refound = try #require(try await store.artifacts.find(in: scope, taskID: task.id, name: report.name))
        #expect(refound.artifact == expected)
        #expect(refound.content == text)

        #expect(try await store.artifacts.find(in: scope, taskID: task.id, name: try ArtifactName("missing")) == nil)
        try await store.artifacts.delete(in: scope, taskID: task.id, name: report.name, limits: limits)
        #expect(try await store.artifacts.find(in: scope, taskID: task.id, name: report.name) == nil)
        #expect(try await store.artifacts.list(in: scope, taskID: task.id).count == 4)

        await expectResourceError(.notFound, "task") {
            let orphan = ContractFixtures.task("never stored", in: acme)
            _ = try await store.artifacts.put(in: scope, try ContractFixtures.artifact("x", of: orphan, content: [1]), content: [1], limits: limits)
        }
        #expect(try await store.used(.storageBytes, in: scope) == 0)
    }

    /// Another organization's artifacts and counters are invisible and untouchable from a scope, and its writes never
    /// move this organization's counters.
    static func artifactsAndCountersAreIsolatedByScope(_ store: any DataStore) async throws {
        let tenants = try await TwoTenants.make(in: store)
        let (acme, globex) = (tenants.acme, tenants.globex)
        let limits = ContractLimits.unlimited
        let content: [UInt8] = [1, 2, 3]
        let artifact = try ContractFixtures.artifact("secret.txt", of: acme.task, content: content)
        _ = try await store.artifacts.put(in: acme.scope, artifact, content: content, limits: limits)
        let acmeCounters = try await store.usage.counters(in: acme.scope)
        let globexCounters = try await store.usage.counters(in: globex.scope)

        #expect(try await store.artifacts.list(in: globex.scope, taskID: acme.task.id).isEmpty)
        #expect(try await store.artifacts.find(in: globex.scope, taskID: acme.task.id, name: artifact.name) == nil)
        await expectResourceError(.notFound, "artifact") {
            try await store.artifacts.delete(in: globex.scope, taskID: acme.task.id, name: artifact.name, limits: limits)
        }
        // Globex's artifact naming acme's task: the task is not in globex's scope.
        await expectResourceError(.notFound, "task") {
            var intruder = artifact
            intruder.organizationID = globex.organization.id
            _ = try await store.artifacts.put(in: globex.scope, intruder, content: [9], limits: limits)
        }
        await #expect(throws: ScopeMismatchError.self) {
            _ = try await store.artifacts.put(in: globex.scope, artifact, content: [9], limits: limits)
        }
        await expectResourceError(.notFound, "task") { try await store.tasks.delete(in: globex.scope, id: acme.task.id, limits: limits) }

        #expect(try await store.artifacts.find(in: acme.scope, taskID: acme.task.id, name: artifact.name)?.content == content)
        #expect(try await store.usage.counters(in: acme.scope) == acmeCounters)
        #expect(try await store.usage.counters(in: globex.scope) == globexCounters)

        // Acme's writes move acme's counters only.
        _ = try await store.projects.create(in: acme.scope, ContractFixtures.project("more", in: acme.organization), limits: limits)
        _ = try await store.tasks.create(in: acme.scope, ContractFixtures.task("more", in: acme.organization, inputCharacters: 8), limits: limits)
        try await store.tasks.delete(in: acme.scope, id: acme.task.id, limits: limits)
        #expect(try await store.usage.counters(in: globex.scope) == globexCounters)
        #expect(try await store.usage.counters(in: acme.scope) != acmeCounters)
        #expect(try await store.currentCapacities(in: acme.scope) == (try await store.usage.recount(in: acme.scope)))
        #expect(try await store.currentCapacities(in: globex.scope) == (try await store.usage.recount(in: globex.scope)))
    }
}
