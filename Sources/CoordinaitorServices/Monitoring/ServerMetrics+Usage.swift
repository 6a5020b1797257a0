import CoordinaitorDomain
import Prometheus
import Synchronization

extension ServerMetrics {
    /// What one label stands for in the usage gauges: one organization, or all of those summed under `other`.
    private struct UsageSum {
        var usage: [UsageMetric: Int64] = [:]
        var costCents: Int64 = 0

        mutating func add(_ totals: OrganizationUsageTotals) {
            for (metric, value) in totals.usage { self.usage[metric, default: 0] += value }
            self.costCents += totals.costEstimate.totalCents
        }
    }

    /// Sets the per-organization usage, storage and cost gauges and the info series from a totals read (every
    /// organization at once). Organizations beyond the label budget are summed under `other`; the series of
    /// organizations that are gone (purged) are removed, so a gauge never reports a value that no longer exists.
    package func updateOrganizationUsage(_ totals: [OrganizationUsageTotals]) {
        self.state.withLock { state in
            var sums: [String: UsageSum] = [:]
            var labelled: [OrganizationID: [String]] = [:]
            for organization in totals {
                let label = state.budget.label(for: organization.organizationID)
                sums[label, default: UsageSum()].add(organization)
                if label != TenantLabelBudget.overflowLabel {
                    labelled[organization.organizationID] = [
                        label, organization.subdomain, organization.tier.rawValue, organization.status.rawValue,
                    ]
                }
            }
            var current: [OrganizationSeries: Gauge] = [:]
            for (label, sum) in sums {
                for metric in UsageMetric.allCases where metric != .storageBytes {
                    self.gauge(.organizationUsage, organization: label, metric: metric, in: &state, into: &current)
                        .set(to: Double(sum.usage[metric] ?? 0))
                }
                self.gauge(.organizationStorage, organization: label, in: &state, into: &current).set(to: Double(sum.usage[.storageBytes] ?? 0))
                self.gauge(.organizationCost, organization: label, in: &state, into: &current).set(to: Double(sum.costCents))
            }
            for (key, gauge) in state.usageGauges where current[key] == nil { self.registry.unregisterGauge(gauge) }
            state.usageGauges = current
            self.updateInfo(labelled, in: &state)
        }
    }

    /// The gauge of `definition` for the label (and usage metric), kept from the last refresh or registered now, and
    /// noted in `current`.
    private func gauge(
        _ definition: MetricDefinition, organization: String, metric: UsageMetric? = nil, in state: inout State,
        into current: inout [OrganizationSeries: Gauge]
    ) -> Gauge {
        let key = OrganizationSeries(metric: definition.name, organization: organization, detail: metric?.rawValue)
        var labels = [("organization", organization)]
        if let metric { labels.append(("metric", metric.rawValue)) }
        let gauge = state.usageGauges[key] ?? self.registry.makeGauge(descriptor: definition.descriptor, labels: labels)
        current[key] = gauge
        return gauge
    }

    /// One `coordinaitor_organization_info` series per labelled organization; a changed subdomain, tier or status
    /// replaces the organization's series rather than adding a second one.
    private func updateInfo(_ labelled: [OrganizationID: [String]], in state: inout State) {
        let definition = MetricDefinition.organizationInfo
        for (organization, info) in state.info where labelled[organization] != info.labels {
            self.registry.unregisterGauge(info.gauge)
            state.info[organization] = nil
        }
        for (organization, labels) in labelled where state.info[organization] == nil {
            let names = ["organization", "subdomain", "tier", "status"]
            let gauge = self.registry.makeGauge(descriptor: definition.descriptor, labels: Array(zip(names, labels)))
            gauge.set(to: 1)
            state.info[organization] = InfoSeries(labels: labels, gauge: gauge)
        }
    }
}
