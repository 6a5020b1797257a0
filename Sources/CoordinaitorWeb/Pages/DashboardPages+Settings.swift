import CoordinaitorDomain
import CoordinaitorHTTP
import CoordinaitorServices
import Hummingbird

extension DashboardPages {
    struct SettingsPage: PageView {
        var chrome: PageChrome
        var canEdit: Bool
        var displayName: String
        var contactEmail: String
        var timeZone: String
        var logoURL: String
        var primaryColor: String
        var secondaryColor: String
        var brandingLocked: LockedFeature?
        var name: String
        var subdomain: String
        var domain: String?
    }

    /// `GET /dashboard/settings`: display name, contact email, time zone and branding (where the tier has it).
    @Sendable func settings(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try DashboardCaller(context)
        return try await self.settingsPage(request, caller: caller, showing: caller.organization)
    }

    private func settingsPage(
        _ request: Request, caller: DashboardCaller, showing organization: Organization, status: HTTPResponse.Status = .ok, error: String? = nil
    ) async throws -> Response {
        let branding = organization.settings.branding
        return try await self.render(.settings, caller: caller, request: request, status: status, error: error) { chrome in
            SettingsPage(
                chrome: chrome,
                canEdit: caller.mode(of: .settings) == .editable,
                displayName: organization.displayName,
                contactEmail: organization.contactEmail,
                timeZone: organization.settings.timeZone ?? "",
                logoURL: branding.logoURL ?? "",
                primaryColor: branding.primaryColor ?? "",
                secondaryColor: branding.secondaryColor ?? "",
                brandingLocked: LockedFeature(.customBranding, plan: caller.organization.plan),
                name: organization.name,
                subdomain: organization.subdomain,
                domain: organization.domain
            )
        }
    }

    /// `POST /dashboard/settings`: applied with the API's rules (``OrganizationProfileChange``), all or nothing.
    @Sendable func saveSettings(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try DashboardCaller(context)
        try caller.requireEditable(.settings)
        let form = try await FormFields.read(request)
        var settings = caller.organization.settings
        settings.timeZone = form.text("timeZone")
        // Fields of a locked branding section are not in the form; keep what is stored.
        if form["primaryColor"] != nil || form["secondaryColor"] != nil || form["logoURL"] != nil {
            settings.branding = OrganizationSettings.Branding(
                logoURL: form.text("logoURL"), primaryColor: form.text("primaryColor")?.lowercased(), secondaryColor: form.text("secondaryColor")?.lowercased())
        }
        let change = OrganizationProfileChange(displayName: form["displayName"] ?? "", contactEmail: form.text("contactEmail") ?? "", settings: settings)
        do {
            _ = try await self.services.organizations.update(caller.organization.id) { try change.applied(to: $0) }
        } catch {
            // Show what was typed, with the reason, rather than what is stored.
            var typed = caller.organization
            typed.displayName = form["displayName"] ?? ""
            typed.contactEmail = form["contactEmail"] ?? ""
            typed.settings = settings
            let (status, message) = WebErrorMiddleware.describe(error, logger: context.logger)
            return try await self.settingsPage(request, caller: caller, showing: typed, status: status, error: message)
        }
        return self.done(caller, .settings, .settingsSaved)
    }
}
