// swift-tools-version:6.2
import PackageDescription

// The same upcoming features as Hummingbird's own package, so that existentials are spelled `any`
// and imports stay explicit. `package` access is used across our modules.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "coordinaitor",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "coordinaitor", targets: ["coordinaitor"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "4.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        // Up to the next minor only: CoordinaitorSQLite calls the SQLite library it bundles (its `VaporCSQLite` target,
        // `sqlite_nio_`-prefixed functions), which is not part of its public API and may change in a minor release.
        .package(url: "https://github.com/vapor/sqlite-nio.git", .upToNextMinor(from: "1.13.2")),
        // Tests only: the property-based isolation suite.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // Pure values and rules: no I/O, no clocks, no randomness.
        .target(
            name: "CoordinaitorDomain",
            swiftSettings: swiftSettings
        ),
        // Use cases over the storage ports: tenant directory and cache, organization and resource services.
        .target(
            name: "CoordinaitorServices",
            dependencies: [
                "CoordinaitorDomain",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Embedded default store.
        .target(
            name: "CoordinaitorSQLite",
            dependencies: [
                "CoordinaitorDomain",
                // For its value type and the SQLite library it bundles; connections and statements are our own.
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // PostgreSQL store.
        .target(
            name: "CoordinaitorPostgres",
            dependencies: [
                "CoordinaitorDomain",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // JSON API: contexts, tenant resolution middleware, controllers, problem details, OpenAPI.
        .target(
            name: "CoordinaitorHTTP",
            dependencies: [
                "CoordinaitorDomain",
                "CoordinaitorServices",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "JWTKit", package: "jwt-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        // The web dashboard and platform console: server-rendered pages over the same services and rules as the API.
        .target(
            name: "CoordinaitorWeb",
            dependencies: [
                "CoordinaitorDomain",
                "CoordinaitorServices",
                "CoordinaitorHTTP",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        // Composition root: configuration, backend selection, services.
        .target(
            name: "CoordinaitorApp",
            dependencies: [
                "CoordinaitorDomain",
                "CoordinaitorServices",
                "CoordinaitorHTTP",
                "CoordinaitorWeb",
                "CoordinaitorSQLite",
                "CoordinaitorPostgres",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "coordinaitor",
            dependencies: [
                "CoordinaitorApp",
                "CoordinaitorDomain",
                "CoordinaitorServices",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Configuration", package: "swift-configuration"),
            ],
            swiftSettings: swiftSettings
        ),
        // Test support: throwaway PostgreSQL clusters, the storage contract suite, fixtures.
        .target(
            name: "CoordinaitorTesting",
            dependencies: [
                "CoordinaitorDomain",
                "CoordinaitorServices",
                "CoordinaitorSQLite",
                "CoordinaitorPostgres",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/CoordinaitorTesting",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CoordinaitorDomainTests",
            dependencies: ["CoordinaitorDomain"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CoordinaitorServicesTests",
            dependencies: [
                "CoordinaitorServices", "CoordinaitorSQLite", "CoordinaitorTesting",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CoordinaitorWebTests",
            dependencies: ["CoordinaitorWeb", "CoordinaitorDomain"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CoordinaitorSQLiteTests",
            dependencies: ["CoordinaitorSQLite", "CoordinaitorTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CoordinaitorPostgresIntegrationTests",
            dependencies: [
                "CoordinaitorPostgres",
                "CoordinaitorTesting",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CoordinaitorHTTPTests",
            dependencies: [
                "CoordinaitorApp",
                "CoordinaitorHTTP",
                "CoordinaitorWeb",
                "CoordinaitorTesting",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
