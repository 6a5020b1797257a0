import Testing

@testable import CoordinaitorDomain

@Suite("Who sees which dashboard page")
struct DashboardPolicyTests {
    @Test("owners and admins manage; members and viewers read everything; billing sees overview, usage and billing")
    func modes() {
        #expect(DashboardPolicy.visibleSections(for: .member(.owner)) == DashboardSection.allCases)
        #expect(DashboardPolicy.mode(of: .members, for: .member(.admin)) == .editable)
        #expect(DashboardPolicy.mode(of: .settings, for: .member(.admin)) == .editable)
        for role in [Role.member, .viewer] {
            #expect(DashboardPolicy.visibleSections(for: .member(role)) == DashboardSection.allCases)
            #expect(DashboardSection.allCases.allSatisfy { DashboardPolicy.mode(of: $0, for: .member(role)) == .readOnly })
        }
        #expect(DashboardPolicy.visibleSections(for: .member(.billing)) == [.overview, .usage, .billing])
        #expect(DashboardPolicy.mode(of: .webhooks, for: .superAdminCrossing) == .editable)
        #expect(DashboardPolicy.visibleSections(for: .crossTenantDenied).isEmpty)
        #expect(DashboardPolicy.visibleSections(for: .apiKey([.write])).isEmpty)
    }

    @Test("usage levels: amber from 70%, red from 90%", arguments: [
        (Int64(69), Int64?(100), UsageLevel.normal), (70, 100, .warning), (89, 100, .warning), (90, 100, .critical),
        (0, 0, .normal), (1, 0, .critical), (10, nil, .unlimited),
    ])
    func levels(used: Int64, maximum: Int64?, level: UsageLevel) {
        #expect(UsageLevel(used: used, maximum: maximum) == level)
    }
}
