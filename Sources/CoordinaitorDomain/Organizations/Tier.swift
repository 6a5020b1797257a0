/// The commercial tier of an organization. Limits and features per tier come with the limits work.
package enum Tier: String, CaseIterable, Codable, Hashable, Sendable {
    case free, starter, professional, enterprise
}
