import CoordinaitorDomain
import Crypto
import Foundation
import Mustache

/// The templates and static assets shipped in this module's bundle, loaded once at start-up.
struct WebResources: Sendable {
    struct Asset: Sendable {
        var bytes: [UInt8]
        var contentType: String
        /// A strong ETag from the content, also used as the `?v=` cache buster in pages.
        var version: String
    }

    struct LoadingError: Error, CustomStringConvertible {
        var description: String
    }

    let templates: MustacheLibrary
    let assets: [String: Asset]

    /// Loads `Resources/templates/*.mustache` and `Resources/static/*` from the module's bundle.
    static func load() throws -> WebResources {
        // Where the copied folder lands differs by platform (`<bundle>/Resources` on Linux, where `resourceURL` may
        // already name it); take the first candidate that holds the templates.
        let bundle = Bundle.module
        let candidates = [bundle.bundleURL.appendingPathComponent("Resources"), bundle.resourceURL, bundle.resourceURL?.appendingPathComponent("Resources")]
        guard let root = candidates.compactMap({ $0 }).first(where: { FileManager.default.fileExists(atPath: $0.appendingPathComponent("templates").path) })
        else {
            throw LoadingError(description: "The web dashboard's resource bundle is missing (looked beside \(bundle.bundleURL.path)).")
        }
        return try self.load(from: root)
    }

    static func load(from root: URL) throws -> WebResources {
        let files = FileManager.default
        var library = MustacheLibrary()
        let templateDirectory = root.appendingPathComponent("templates")
        for name in try files.contentsOfDirectory(atPath: templateDirectory.path) where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: templateDirectory.appendingPathComponent(name), encoding: .utf8)
            do {
                try library.register(text, named: String(name.dropLast(".mustache".count)))
            } catch {
                throw LoadingError(description: "Template \(name) does not parse: \(error)")
            }
        }
        var assets: [String: Asset] = [:]
        let staticDirectory = root.appendingPathComponent("static")
        for name in try files.contentsOfDirectory(atPath: staticDirectory.path) {
            let bytes = [UInt8](try Data(contentsOf: staticDirectory.appendingPathComponent(name)))
            let digest = SHA256.hash(data: bytes).prefix(8).lowercaseHex
            assets[name] = Asset(bytes: bytes, contentType: Self.contentType(of: name), version: digest)
        }
        return WebResources(templates: library, assets: assets)
    }

    /// The cache-busting query of an asset's URL.
    func version(of asset: String) -> String { self.assets[asset]?.version ?? "0" }

    private static func contentType(of name: String) -> String {
        switch name.split(separator: ".").last {
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "ico": "image/x-icon"
        default: "application/octet-stream"
        }
    }
}
