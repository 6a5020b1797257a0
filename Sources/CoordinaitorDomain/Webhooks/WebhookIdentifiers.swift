/// Webhook ids are typed like every other id (see ``TypedID``), so a delivery id cannot be passed for an endpoint's.
package enum WebhookKind: IdentifierKind { package static let resourceName = "webhook" }
package enum WebhookDeliveryKind: IdentifierKind { package static let resourceName = "webhook_delivery" }
/// One occurrence of an event: every delivery of it carries the same id, so receivers can tell repeats apart.
package enum WebhookEventKind: IdentifierKind { package static let resourceName = "webhook_event" }

package typealias WebhookID = TypedID<WebhookKind>
package typealias WebhookDeliveryID = TypedID<WebhookDeliveryKind>
package typealias WebhookEventID = TypedID<WebhookEventKind>
