import CoordinaitorDomain
import SQLiteNIO

extension Organization {
    static let sqliteTable = SQLiteTable(
        name: "organizations",
        keyColumns: ["id"],
        valueColumns: [
            "name", "display_name", "subdomain", "domain", "tier", "status", "contact_email", "settings",
            "created_at", "updated_at", "created_by", "plan_overrides",
        ]
    )

    init(sqliteRow row: some SQLiteRowValues) throws {
        let reader = SQLiteRowReader(row, table: Self.sqliteTable.name)
        self.init(
            id: try reader.id("id"),
            name: try reader.string("name"),
            displayName: try reader.string("display_name"),
            subdomain: try reader.string("subdomain"),
            domain: try reader.optionalString("domain"),
            tier: try reader.value("tier"),
            status: try reader.value("status"),
            contactEmail: try reader.string("contact_email"),
            settings: try reader.json("settings"),
            createdAt: try reader.date("created_at"),
            updatedAt: try reader.date("updated_at"),
            createdBy: try reader.optionalID("created_by"),
            planOverrides: try reader.json("plan_overrides")
        )
    }

    /// Values in ``SQLiteTable/columns`` order.
    func sqliteValues() throws -> [SQLiteData] {
        [
            .id(self.id), .text(self.name), .text(self.displayName), .text(self.subdomain), .text(self.domain),
            .raw(self.tier), .raw(self.status), .text(self.contactEmail), try .json(self.settings),
            .date(self.createdAt), .date(self.updatedAt), .id(self.createdBy), try .json(self.planOverrides),
        ]
    }
}
