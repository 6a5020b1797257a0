/// A capability that tiers grant (and super admins may grant or withdraw per organization).
package enum Feature: String, CaseIterable, Codable, Hashable, Sendable, Comparable {
    case apiAccess = "api_access"
    case analytics
    case collaboration
    case repositoryIntegration = "repository_integration"
    case workflowAutomation = "workflow_automation"
    case sso
    case webhooks
    case customBranding = "custom_branding"
    case auditExport = "audit_export"
    case securityScanning = "security_scanning"
    /// Enterprise: per-organization overrides of limits and features.
    case customFeatures = "custom_features"

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
