import CoordinaitorDomain
import CoordinaitorServices

/// The metrics count every finished request the observation middleware reports.
extension ServerMetrics: RequestObserver {
    package func requestFinished(_ request: ObservedRequest) {
        self.recordRequest(
            organization: request.organization?.id,
            route: request.routeLabel,
            method: request.method,
            status: request.status,
            latency: request.latency,
            errorCode: request.errorCode,
            at: request.startedAt
        )
    }
}
