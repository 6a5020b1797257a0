/// The audit events that describe a change of an organization, worked out from the row before and after, so every
/// path that changes an organization (API, CLI, purger) is recorded the same way.
package enum OrganizationChangeAudit {
    package struct Change: Hashable, Sendable {
        package var action: AuditAction
        package var metadata: [String: String]
    }

    package static func changes(from before: Organization, to after: Organization) -> [Change] {
        var changes: [Change] = []
        if before.tier != after.tier {
            changes.append(Change(action: .organizationTierChanged, metadata: ["from": before.tier.rawValue, "to": after.tier.rawValue]))
        }
        if before.status != after.status {
            let action: AuditAction = after.status == .cancelled ? .organizationCancelled : .organizationStatusChanged
            changes.append(Change(action: action, metadata: ["from": before.status.rawValue, "to": after.status.rawValue]))
        }
        if before.planOverrides != after.planOverrides {
            changes.append(Change(action: .organizationPlanOverridesChanged, metadata: [:]))
        }
        // Display name, contact and branding are the settings admins edit; name, subdomain and domain are identity.
        var settings: [String] = []
        if before.displayName != after.displayName { settings.append("displayName") }
        if before.contactEmail != after.contactEmail { settings.append("contactEmail") }
        if before.settings != after.settings { settings.append("settings") }
        if !settings.isEmpty {
            changes.append(Change(action: .organizationSettingsChanged, metadata: ["fields": settings.joined(separator: ",")]))
        }
        var identity: [String] = []
        if before.name != after.name { identity.append("name") }
        if before.subdomain != after.subdomain { identity.append("subdomain") }
        if before.domain != after.domain { identity.append("domain") }
        if !identity.isEmpty {
            changes.append(Change(action: .organizationUpdated, metadata: ["fields": identity.joined(separator: ",")]))
        }
        return changes
    }
}
