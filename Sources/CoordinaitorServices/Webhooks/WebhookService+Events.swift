import CoordinaitorDomain

extension WebhookService: UsageEventPublisher {
    /// Queued off the request's path: a limit event must never slow down or fail the request that caused it.
    package func limitWarning(_ line: UsageReport.Line, in organization: Organization) {
        let data = WebhookPayloads.limit(line.metric, used: line.used, maximum: line.maximum, tier: organization.tier)
        Task { await self.publish(.limitWarning, in: TenantScope(organization), data: data) }
    }

    package func limitExceeded(_ error: LimitExceededError, in organization: Organization) {
        let data = WebhookPayloads.limit(error.metric, used: error.used, maximum: error.maximum, tier: error.tier)
        Task { await self.publish(.limitExceeded, in: TenantScope(organization), data: data) }
    }

    /// `task.created`.
    func taskCreated(_ task: WorkTask) async {
        await self.publish(.taskCreated, in: TenantScope(organizationID: task.organizationID), data: WebhookPayloads.task(task))
    }

    /// `task.updated`, and `task.completed` or `task.failed` when the change entered that status.
    func taskUpdated(_ task: WorkTask, previousStatus: TaskStatus?) async {
        let scope = TenantScope(organizationID: task.organizationID)
        let data = WebhookPayloads.task(task)
        await self.publish(.taskUpdated, in: scope, data: data)
        guard previousStatus != task.status else { return }
        switch task.status {
        case .completed: await self.publish(.taskCompleted, in: scope, data: data)
        case .failed: await self.publish(.taskFailed, in: scope, data: data)
        default: break
        }
    }

    /// `member.added` or `member.removed`.
    func membershipChanged(_ type: WebhookEventType, organization: OrganizationID, user: UserID, role: Role?) async {
        await self.publish(type, in: TenantScope(organizationID: organization), data: WebhookPayloads.member(user, role: role))
    }
}
