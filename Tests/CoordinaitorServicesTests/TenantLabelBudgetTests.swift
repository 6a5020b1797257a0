import CoordinaitorDomain
import CoordinaitorServices
import Foundation
import Testing

@Suite("Tenant label budget")
struct TenantLabelBudgetTests {
    @Test func theFirstOrganizationsGetTheirIdAndTheRestShareOther() {
        var budget = TenantLabelBudget(capacity: 2)
        let ids = (0..<4).map { _ in OrganizationID(UUID()) }
        #expect(budget.label(for: ids[0]) == ids[0].description)
        #expect(budget.label(for: ids[1]) == ids[1].description)
        #expect(budget.label(for: ids[2]) == "other")
        #expect(budget.label(for: ids[3]) == "other")
        #expect(budget.assignedCount == 2)
    }

    @Test func aLabelOnceGivenIsKept() {
        var budget = TenantLabelBudget(capacity: 1)
        let first = OrganizationID(UUID())
        let second = OrganizationID(UUID())
        #expect(budget.label(for: first) == first.description)
        #expect(budget.label(for: second) == "other")
        #expect(budget.label(for: first) == first.description)
        // An organization refused once does not get a label later either: the budget is spent.
        #expect(budget.label(for: second) == "other")
        #expect(budget.hasOwnLabel(first))
        #expect(!budget.hasOwnLabel(second))
    }

    @Test func aZeroBudgetLabelsEveryOrganizationOther() {
        var budget = TenantLabelBudget(capacity: 0)
        #expect(budget.label(for: OrganizationID(UUID())) == "other")
        #expect(budget.assignedCount == 0)
    }

    @Test func requestsWithoutAnOrganizationAreLabelledNoneAndTakeNoBudget() {
        var budget = TenantLabelBudget(capacity: 1)
        #expect(budget.label(for: nil as OrganizationID?) == "none")
        #expect(budget.assignedCount == 0)
    }
}
