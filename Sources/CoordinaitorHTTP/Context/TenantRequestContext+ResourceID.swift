import CoordinaitorDomain
import Hummingbird

extension TenantRequestContext {
    /// The `{id}` of the path as a typed id. Anything that is not a UUID cannot name a resource: 404, like a missing one.
    func resourceID<Kind: IdentifierKind>(_ type: TypedID<Kind>.Type, parameter: String = "id") throws -> TypedID<Kind> {
        guard let raw = self.parameters.get(parameter), let id = TypedID<Kind>(raw) else {
            throw ResourceError.notFound(Kind.resourceName)
        }
        return id
    }
}
