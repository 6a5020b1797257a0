import CoordinaitorDomain

/// The usage of a task update. Storage is charged from the bytes stored with the row (`tasks.stored_bytes`) rather
/// than recomputed from the old task, so that rows counted by the migration's approximation stay in step with the
/// counter.
enum PostgresTaskStorage {
    static func charges(from current: WorkTask, storedBytes: Int64, to updated: WorkTask) -> [UsageCharge] {
        var charges = updated.usageCharges(after: current).filter { $0.metric != .storageBytes }
        let delta = updated.storageBytes - storedBytes
        if delta != 0 { charges.append(UsageCharge(.storageBytes, delta)) }
        return charges
    }
}
