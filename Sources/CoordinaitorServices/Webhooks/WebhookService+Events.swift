import CoordinaitorDomain

extension WebhookService: UsageEventPublisher {
    /// Queued off the request's path: a limit event must never slow down or fail the request that caused it.
    package func limitWarning(_ line: UsageReport.Line, in organization: Organization) {
        guard organization.plan.has(.webhooks) else { return }
        let data = WebhookPayloads.limit(line.metric, used: line.used, maximum: line.maximum, tier: organization.tier)
        Task { await self.publish(.limitWarning, in: TenantScope(organization), data: data) }
    }

    package func limitExceeded(_ error: LimitExceededError, in organization: Organization) {
        guard organization.plan.has(.webhooks) else { return }
        let data = WebhookPayloads.limit(error.metric, used: error.used, maximum: error.maximum, tier: error.tier)
        Task { await self.publish(.limitExceeded, in: TenantScope(organization), data: data) }
    }

    /// `task.created`.
    func taskCreated(_ task: WorkTask, in organization: Organization) async {
        guard organization.plan.has(.webhooks) else { return }
        await self.publish(.taskCreated, in: TenantScope(organization), data: WebhookPayloads.task(task))
    }

    /// `task.updated`, and `task.completed` or `task.failed` when the change entered that status.
    func taskUpdated(_ task: WorkTask, previousStatus: TaskStatus?, in organization: Organization) async {
        // A downgraded organization keeps its webhooks (to list and delete) but they no longer fire.
        guard organization.plan.has(.webhooks) else { return }
        let scope = TenantScope(organization)
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
    func membershipChanged(_ type: WebhookEventType, in organization: Organization, user: UserID, role: Role?) async {
        guard organization.plan.has(.webhooks) else { return }
        await self.publish(type, in: TenantScope(organization), data: WebhookPayloads.member(user, role: role))
    }
}
