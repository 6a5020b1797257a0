import CoordinaitorHTTP
import Hummingbird

/// `GET /assets/{name}`: the dashboard's CSS and script, from memory, cached by browsers for a year (pages link them
/// with a content hash in `?v=`, so a new release is fetched at once) and revalidated by ETag.
struct StaticAssetRoutes: Sendable {
    let resources: WebResources

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("assets/:name", use: self.asset)
    }

    @Sendable func asset(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let name = context.parameters.get("name"), let asset = self.resources.assets[name] else {
            throw HTTPError(.notFound)
        }
        var headers = HTTPFields()
        headers[.eTag] = "\"\(asset.version)\""
        headers[.cacheControl] = "public, max-age=31536000, immutable"
        headers[SecurityHeaders.contentTypeOptions] = "nosniff"
        if request.headers[.ifNoneMatch] == "\"\(asset.version)\"" {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = asset.contentType
        headers[.contentLength] = "\(asset.bytes.count)"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: asset.bytes)))
    }
}
