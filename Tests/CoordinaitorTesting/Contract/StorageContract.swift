import CoordinaitorDomain
import Testing

/// The behaviour every ``DataStore`` must have, run against each backend by a parameterized test:
///
/// ```swift
/// @Test(arguments: StorageContract.allCases)
/// func contract(_ check: StorageContract) async throws {
///     try await withSQLiteStoreAndDatabase { try await check.run(on: $0, database: $1) }
/// }
/// ```
/// Each check expects a freshly migrated, empty store.
package enum StorageContract: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case migrationsAreIdempotent
    case organizationLookups
    case slugPrefersSubdomainOverName
    case organizationUniqueFieldsConflict
    case concurrentCreatesOfOneSubdomain
    case organizationUpdate
    case organizationListPaginatesAndFilters
    case organizationListSearchesAndFiltersByTier
    case purgeRemovesOnlyThatOrganization
    case organizationSettingsRoundTrip
    case resourceNamesAreUniquePerOrganization
    case otherOrganizationsCannotRead
    case otherOrganizationsCannotWrite
    case taskReferencesMustBeInScope
    case projectListPaginatesAndFilters
    case agentListPaginatesAndFilters
    case taskListPaginatesAndFilters
    case invalidCursorIsRejected
    case updateAppliesChange
    case failingUpdateWritesNothing
    case projectDeleteUnlinksTasks
    case agentDeleteUnassignsTasks
    case taskJSONAndDatesRoundTrip
    case scopeMismatchIsRejected
    case userLookups
    case userEmailsAreUniqueIgnoringCase
    case concurrentSignUpsWithOneEmail
    case passwordHashesRoundTrip
    case organizationCreatedWithOwner
    case failedOrganizationCreateLeavesNothing
    case membershipAddConflictsAndReferences
    case membershipsAreIsolatedByScope
    case membershipUpdateAndRemove
    case membershipListPaginates
    case apiKeyLifecycle
    case apiKeyListAndRoundTrip
    case apiKeysAreIsolatedByScope
    case apiKeyUseIsRecordedInBatches
    case invitationLifecycle
    case expiredInvitationDoesNotBlock
    case invitationAcceptance
    case acceptanceByMemberChangesNothing
    case concurrentAcceptsOfOneInvitation
    case invitationsAreIsolatedByScope
    case lastOwnerIsProtected
    case concurrentDemotionsOfTwoOwners
    case usersFoundByIDs
    case projectAndAgentLimitsAreExact
    case monthlyTaskQuotaIsExactAndStartsAgain
    case memberLimitsAreExact
    case storageLimitsAreExact
    case deletesReleaseStorageButNotTheTaskCount
    case concurrentProjectCreatesStopAtTheLimit
    case concurrentAgentCreatesStopAtTheLimit
    case concurrentTaskCreatesStopAtTheLimit
    case bulkTaskCreateIsAllOrNothing
    case concurrentMemberAddsStopAtTheLimit
    case countersMatchRecount
    case countersKeepMonthSnapshots
    case reconcileRepairsDrift
    case apiCallsAreAddedForSeveralOrganizations
    case usageTotalsCoverEveryOrganization
    case planOverridesRoundTrip
    case artifactsRoundTrip
    case artifactsAndCountersAreIsolatedByScope
    case webhookLifecycle
    case webhooksAreIsolatedByScope
    case webhookLimitIsExact
    case concurrentWebhookCreatesStopAtTheLimit
    case enqueueReachesOnlySubscribedActiveWebhooks
    case aFirstWebhookReceivesTheNextEvent
    case claimDueLeasesEachDeliveryOnce
    case attemptsAreRecordedOnceAndRoundTrip
    case purgeRemovesWebhooksAndDeliveries
    case auditAppendNumbersEachChain
    case auditEntriesRoundTrip
    case concurrentAuditAppendsKeepChainsContiguous
    case auditQueryFilters
    case auditQueryPaginatesNewestFirst
    case auditPruneKeepsTheChainVerifiable
    case auditEntriesCannotBeUpdated
    case auditEditedEntriesBreakTheChain
    case auditDeletedEntriesBreakTheChain
    case purgeKeepsTheAuditLog

    package var testDescription: String { self.rawValue }

    /// - Parameters:
    ///   - store: A freshly migrated, empty store.
    ///   - database: Direct SQL on the store's database, for the checks that tamper with it.
    package func run(on store: any DataStore, database: RawDatabase) async throws {
        switch self {
        case .migrationsAreIdempotent: try await Self.migrationsAreIdempotent(store)
        case .organizationLookups: try await Self.organizationLookups(store)
        case .slugPrefersSubdomainOverName: try await Self.slugPrefersSubdomainOverName(store)
        case .organizationUniqueFieldsConflict: try await Self.organizationUniqueFieldsConflict(store)
        case .concurrentCreatesOfOneSubdomain: try await Self.concurrentCreatesOfOneSubdomain(store)
        case .organizationUpdate: try await Self.organizationUpdate(store)
        case .organizationListPaginatesAndFilters: try await Self.organizationListPaginatesAndFilters(store)
        case .organizationListSearchesAndFiltersByTier: try await Self.organizationListSearchesAndFiltersByTier(store)
        case .purgeRemovesOnlyThatOrganization: try await Self.purgeRemovesOnlyThatOrganization(store)
        case .organizationSettingsRoundTrip: try await Self.organizationSettingsRoundTrip(store)
        case .resourceNamesAreUniquePerOrganization: try await Self.resourceNamesAreUniquePerOrganization(store)
        case .otherOrganizationsCannotRead: try await Self.otherOrganizationsCannotRead(store)
        case .otherOrganizationsCannotWrite: try await Self.otherOrganizationsCannotWrite(store)
        case .taskReferencesMustBeInScope: try await Self.taskReferencesMustBeInScope(store)
        case .projectListPaginatesAndFilters: try await Self.projectListPaginatesAndFilters(store)
        case .agentListPaginatesAndFilters: try await Self.agentListPaginatesAndFilters(store)
        case .taskListPaginatesAndFilters: try await Self.taskListPaginatesAndFilters(store)
        case .invalidCursorIsRejected: try await Self.invalidCursorIsRejected(store)
        case .updateAppliesChange: try await Self.updateAppliesChange(store)
        case .failingUpdateWritesNothing: try await Self.failingUpdateWritesNothing(store)
        case .projectDeleteUnlinksTasks: try await Self.projectDeleteUnlinksTasks(store)
        case .agentDeleteUnassignsTasks: try await Self.agentDeleteUnassignsTasks(store)
        case .taskJSONAndDatesRoundTrip: try await Self.taskJSONAndDatesRoundTrip(store)
        case .scopeMismatchIsRejected: try await Self.scopeMismatchIsRejected(store)
        case .userLookups: try await Self.userLookups(store)
        case .userEmailsAreUniqueIgnoringCase: try await Self.userEmailsAreUniqueIgnoringCase(store)
        case .concurrentSignUpsWithOneEmail: try await Self.concurrentSignUpsWithOneEmail(store)
        case .passwordHashesRoundTrip: try await Self.passwordHashesRoundTrip(store)
        case .organizationCreatedWithOwner: try await Self.organizationCreatedWithOwner(store)
        case .failedOrganizationCreateLeavesNothing: try await Self.failedOrganizationCreateLeavesNothing(store)
        case .membershipAddConflictsAndReferences: try await Self.membershipAddConflictsAndReferences(store)
        case .membershipsAreIsolatedByScope: try await Self.membershipsAreIsolatedByScope(store)
        case .membershipUpdateAndRemove: try await Self.membershipUpdateAndRemove(store)
        case .membershipListPaginates: try await Self.membershipListPaginates(store)
        case .apiKeyLifecycle: try await Self.apiKeyLifecycle(store)
        case .apiKeyListAndRoundTrip: try await Self.apiKeyListAndRoundTrip(store)
        case .apiKeysAreIsolatedByScope: try await Self.apiKeysAreIsolatedByScope(store)
        case .apiKeyUseIsRecordedInBatches: try await Self.apiKeyUseIsRecordedInBatches(store)
        case .invitationLifecycle: try await Self.invitationLifecycle(store)
        case .expiredInvitationDoesNotBlock: try await Self.expiredInvitationDoesNotBlock(store)
        case .invitationAcceptance: try await Self.invitationAcceptance(store)
        case .acceptanceByMemberChangesNothing: try await Self.acceptanceByMemberChangesNothing(store)
        case .concurrentAcceptsOfOneInvitation: try await Self.concurrentAcceptsOfOneInvitation(store)
        case .invitationsAreIsolatedByScope: try await Self.invitationsAreIsolatedByScope(store)
        case .lastOwnerIsProtected: try await Self.lastOwnerIsProtected(store)
        case .concurrentDemotionsOfTwoOwners: try await Self.concurrentDemotionsOfTwoOwners(store)
        case .usersFoundByIDs: try await Self.usersFoundByIDs(store)
        case .projectAndAgentLimitsAreExact: try await Self.projectAndAgentLimitsAreExact(store)
        case .monthlyTaskQuotaIsExactAndStartsAgain: try await Self.monthlyTaskQuotaIsExactAndStartsAgain(store)
        case .memberLimitsAreExact: try await Self.memberLimitsAreExact(store)
        case .storageLimitsAreExact: try await Self.storageLimitsAreExact(store)
        case .deletesReleaseStorageButNotTheTaskCount: try await Self.deletesReleaseStorageButNotTheTaskCount(store)
        case .concurrentProjectCreatesStopAtTheLimit: try await Self.concurrentProjectCreatesStopAtTheLimit(store)
        case .concurrentAgentCreatesStopAtTheLimit: try await Self.concurrentAgentCreatesStopAtTheLimit(store)
        case .concurrentTaskCreatesStopAtTheLimit: try await Self.concurrentTaskCreatesStopAtTheLimit(store)
        case .concurrentMemberAddsStopAtTheLimit: try await Self.concurrentMemberAddsStopAtTheLimit(store)
        case .bulkTaskCreateIsAllOrNothing: try await Self.bulkTaskCreateIsAllOrNothing(store)
        case .countersMatchRecount: try await Self.countersMatchRecount(store)
        case .countersKeepMonthSnapshots: try await Self.countersKeepMonthSnapshots(store)
        case .reconcileRepairsDrift: try await Self.reconcileRepairsDrift(store)
        case .apiCallsAreAddedForSeveralOrganizations: try await Self.apiCallsAreAddedForSeveralOrganizations(store)
        case .usageTotalsCoverEveryOrganization: try await Self.usageTotalsCoverEveryOrganization(store)
        case .planOverridesRoundTrip: try await Self.planOverridesRoundTrip(store)
        case .artifactsRoundTrip: try await Self.artifactsRoundTrip(store)
        case .artifactsAndCountersAreIsolatedByScope: try await Self.artifactsAndCountersAreIsolatedByScope(store)
        case .webhookLifecycle: try await Self.webhookLifecycle(store)
        case .webhooksAreIsolatedByScope: try await Self.webhooksAreIsolatedByScope(store)
        case .webhookLimitIsExact: try await Self.webhookLimitIsExact(store)
        case .concurrentWebhookCreatesStopAtTheLimit: try await Self.concurrentWebhookCreatesStopAtTheLimit(store)
        case .enqueueReachesOnlySubscribedActiveWebhooks: try await Self.enqueueReachesOnlySubscribedActiveWebhooks(store)
        case .aFirstWebhookReceivesTheNextEvent: try await Self.aFirstWebhookReceivesTheNextEvent(store)
        case .claimDueLeasesEachDeliveryOnce: try await Self.claimDueLeasesEachDeliveryOnce(store)
        case .attemptsAreRecordedOnceAndRoundTrip: try await Self.attemptsAreRecordedOnceAndRoundTrip(store)
        case .purgeRemovesWebhooksAndDeliveries: try await Self.purgeRemovesWebhooksAndDeliveries(store)
        case .auditAppendNumbersEachChain: try await Self.auditAppendNumbersEachChain(store)
        case .auditEntriesRoundTrip: try await Self.auditEntriesRoundTrip(store)
        case .concurrentAuditAppendsKeepChainsContiguous: try await Self.concurrentAuditAppendsKeepChainsContiguous(store)
        case .auditQueryFilters: try await Self.auditQueryFilters(store)
        case .auditQueryPaginatesNewestFirst: try await Self.auditQueryPaginatesNewestFirst(store)
        case .auditPruneKeepsTheChainVerifiable: try await Self.auditPruneKeepsTheChainVerifiable(store)
        case .auditEntriesCannotBeUpdated: try await Self.auditEntriesCannotBeUpdated(store, database)
        case .auditEditedEntriesBreakTheChain: try await Self.auditEditedEntriesBreakTheChain(store, database)
        case .auditDeletedEntriesBreakTheChain: try await Self.auditDeletedEntriesBreakTheChain(store, database)
        case .purgeKeepsTheAuditLog: try await Self.purgeKeepsTheAuditLog(store)
        }
    }
}
